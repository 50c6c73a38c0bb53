package org.mlgrade.reference.problems.backprop;

import java.util.List;
import org.mlgrade.api.backprop.Backprop;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The backpropagation problems: a ReLU net, a scalar sigmoid chain and a tanh/softmax net. */
public final class BackpropProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public BackpropProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** {@code backprop.relu-net}, {@code backprop.sigmoid-chain} and {@code backprop.tanh-softmax}. */
  public static List<Problem<?, ?, ?>> all() {
    Backprop reference = new BackpropReference();
    return List.of(
        new Problem<>("backprop.relu-net",
            "Backprop: 2-hidden-layer ReLU net with sigmoid output and cross-entropy",
            Backprop.class, "reluNet", ReluNetInput.class, ReluNetOutput.class,
            Backprop::reluNet, reference, BackpropGenerators.reluNet(),
            BackpropParts.reluNet(), BackpropMistakes.reluNet()),
        Problem.of("backprop.sigmoid-chain",
            "Backprop: f = w3 sigmoid(w2 sigmoid(w1 x)) and its weight derivatives",
            Backprop.class, "sigmoidChain", SigmoidChainInput.class, SigmoidChainOutput.class,
            Backprop::sigmoidChain, reference, BackpropGenerators.sigmoidChain(),
            BackpropMistakes.sigmoidChain()),
        new Problem<>("backprop.tanh-softmax",
            "Backprop: tanh hidden layer, softmax output, cross-entropy",
            Backprop.class, "tanhSoftmax", TanhSoftmaxInput.class, TanhSoftmaxOutput.class,
            Backprop::tanhSoftmax, reference, BackpropGenerators.tanhSoftmax(),
            BackpropParts.tanhSoftmax(), BackpropMistakes.tanhSoftmax()));
  }
}
