package org.mlgrade.api.resnet;

/**
 * The running statistics of one {@code BatchNorm2d(C)} layer after a forward pass.
 *
 * @param mean {@code bn.running_mean} after the pass, length C
 * @param var {@code bn.running_var} after the pass, length C
 */
public record RunningStats(double[] mean, double[] var) {}
