"""Training the learned extraction component: gold alignment, spaCy training, the shipped model."""
