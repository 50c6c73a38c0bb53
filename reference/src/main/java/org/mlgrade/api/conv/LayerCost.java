package org.mlgrade.api.conv;

/**
 * What one layer of a {@link Chain} costs.
 *
 * @param weights learnable weights without biases: {@code k * k * inputDepth * filters} for a
 *     convolution, 0 for pooling
 * @param parameters weights plus biases (one bias per filter): {@code weights + filters} for a
 *     convolution, 0 for pooling
 * @param multiplications multiplications of one forward pass of one image: {@code outHeight *
 *     outWidth * filters * (k * k * inputDepth)} for a convolution, 0 for pooling
 */
public record LayerCost(long weights, long parameters, long multiplications) {}
