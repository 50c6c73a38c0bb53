package org.mlgrade.api.resnet;

/**
 * Output of {@link ResNet#shallowNet}.
 *
 * @param logits the class scores, shape (N, 10)
 * @param stemBn running statistics of the stem's BatchNorm after the pass
 * @param bn1 running statistics of the block's {@code bn1} after the pass
 * @param bn2 running statistics of the block's {@code bn2} after the pass
 */
public record ShallowNetOutput(
    double[][] logits, RunningStats stemBn, RunningStats bn1, RunningStats bn2) {}
