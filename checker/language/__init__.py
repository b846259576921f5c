"""Russian language layer: normalisation, morphology, dates."""
