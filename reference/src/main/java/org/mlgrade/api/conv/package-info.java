/**
 * Convolution arithmetic: the output shapes, parameter counts and multiplication counts of chains
 * of convolution and pooling layers, and the inverse question of which layer gives a wanted shape
 * (see {@link org.mlgrade.api.conv.ConvArithmetic}).
 */
package org.mlgrade.api.conv;
