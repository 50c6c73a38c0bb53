package org.mlgrade.api.alexnet;

import org.mlgrade.api.Shape;

/**
 * The counts of one layer.
 *
 * @param output the shape the layer computes, BEFORE its pooling: {@code H_out x W_out x F} for
 *     a convolution, {@code 1 x 1 x outputs} for an FC layer
 * @param pooled the shape it passes on to the next layer: {@code output} after the max pooling,
 *     or {@code output} itself when the layer has no pooling
 * @param units the number of neurons of the layer, {@code output}'s volume (before pooling)
 * @param weights learnable weights, biases NOT included
 * @param connections multiply-adds of one forward pass: {@code units * weightsPerUnit}, where
 *     {@code weightsPerUnit} is the number of weights one neuron sees
 */
public record LayerCounts(Shape output, Shape pooled, long units, long weights,
    long connections) {}
