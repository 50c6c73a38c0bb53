package org.mlgrade.reference.problems.resnet;

import java.util.List;
import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormOutput;
import org.mlgrade.api.resnet.BlockInput;
import org.mlgrade.api.resnet.BlockOutput;
import org.mlgrade.api.resnet.ResNet;
import org.mlgrade.api.resnet.ShallowNetInput;
import org.mlgrade.api.resnet.ShallowNetOutput;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The problems of the "ResNet" homework, one per method of {@link ResNet}. */
public final class ResNetProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public ResNetProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** {@code resnet.batch-norm}, {@code resnet.basic-block} and {@code resnet.shallow-net}. */
  public static List<Problem<?, ?, ?>> all() {
    ResNetReference reference = new ResNetReference();
    return List.of(
        Problem.of(
            "resnet.batch-norm",
            "BatchNorm2d forward in training and eval mode",
            ResNet.class,
            "batchNorm",
            BatchNormInput.class,
            BatchNormOutput.class,
            ResNet::batchNorm,
            reference,
            ResNetInputs.batchNorm(),
            List.of(
                ResNetMistakes.unbiasedVarianceInTraining(),
                ResNetMistakes.evalUsesBatchStatistics(),
                ResNetMistakes.runningVarBiased(),
                ResNetMistakes.momentumKerasConvention(),
                ResNetMistakes.epsOutsideSqrt())),
        Problem.of(
            "resnet.basic-block",
            "Residual basic block forward",
            ResNet.class,
            "basicBlock",
            BlockInput.class,
            BlockOutput.class,
            ResNet::basicBlock,
            reference,
            ResNetInputs.basicBlock(),
            List.of(
                ResNetMistakes.reluBeforeResidualAdd(),
                ResNetMistakes.missingFinalRelu(),
                ResNetMistakes.convFlippedKernel(),
                ResNetMistakes.unbiasedVarianceInTraining(),
                ResNetMistakes.evalUsesBatchStatistics(),
                ResNetMistakes.runningVarBiased())),
        Problem.of(
            "resnet.shallow-net",
            "Shallow ResNet forward: stem, max-pool, basic block, average pool, linear",
            ResNet.class,
            "shallowNet",
            ShallowNetInput.class,
            ShallowNetOutput.class,
            ResNet::shallowNet,
            reference,
            ResNetInputs.shallowNet(),
            List.of(
                ResNetMistakes.stemConvWithoutPadding(),
                ResNetMistakes.globalMaxPool(),
                ResNetMistakes.reluBeforeResidualAdd(),
                ResNetMistakes.missingFinalRelu(),
                ResNetMistakes.convFlippedKernel(),
                ResNetMistakes.unbiasedVarianceInTraining(),
                ResNetMistakes.evalUsesBatchStatistics(),
                ResNetMistakes.runningVarBiased())));
  }
}
