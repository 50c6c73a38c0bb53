package org.mlgrade.api.backprop;

/**
 * Backpropagation by hand: the forward pass and the exact gradients of three small networks.
 *
 * <p><b>Conventions for all three methods.</b> Weights are indexed <b>from, to</b>: {@code
 * w[i][j]} is the weight on the connection from unit {@code i} of the layer below to unit {@code
 * j} of the layer above, so a layer computes {@code a[j] = sum_i in[i] * w[i][j]} (the row vector
 * {@code in} times the matrix {@code w}). The homework's {@code w_ij} with 1-based indices is
 * {@code w[i-1][j-1]}. A gradient array has the shape of its weight array: {@code grad[i][j] =
 * dL/dw[i][j]}. Logarithms are natural. {@code sigmoid(z) = 1 / (1 + e^(-z))}, {@code sigmoid'(z)
 * = sigmoid(z) (1 - sigmoid(z))}, {@code tanh'(a) = 1 - tanh(a)^2}, {@code relu(a) = max(a, 0)}
 * and {@code relu'(a) = 1} if {@code a > 0}, {@code 0} if {@code a <= 0} (0 at exactly 0, as in
 * PyTorch). Inputs are never modified.
 */
public interface Backprop {

  /**
   * A ReLU network with two hidden layers and a sigmoid output, no biases, trained on the
   * cross-entropy loss {@code L = -log P(y | x)} with {@code P(y = 1 | x) = sigmoid(z)}.
   *
   * <p><b>Forward</b> (shapes in {@link ReluNetInput}):
   *
   * <pre>
   *   a1[j] = sum_i x[i] w1[i][j]        h1[j] = relu(a1[j])
   *   a2[k] = sum_j h1[j] w2[j][k]       h2[k] = relu(a2[k])
   *   z     = sum_k h2[k] w3[k]          probability = sigmoid(z)
   *   loss  = -log sigmoid(z) if y = 1,  -log(1 - sigmoid(z)) if y = 0
   *         = log(1 + e^z) - y z         (compute it this way, stably, for large |z|)
   * </pre>
   *
   * <p><b>Backward</b> (deltas are derivatives with respect to <em>pre</em>-activations):
   *
   * <pre>
   *   outputDelta = dL/dz    = sigmoid(z) - y
   *   delta2[k]   = dL/da2[k] = outputDelta * w3[k] * relu'(a2[k])
   *   delta1[j]   = dL/da1[j] = relu'(a1[j]) * sum_k w2[j][k] delta2[k]
   *   gradW3[k]    = outputDelta * h2[k]
   *   gradW2[j][k] = h1[j] * delta2[k]
   *   gradW1[i][j] = x[i] * delta1[j]
   * </pre>
   *
   * <p><b>Worked example</b> (the homework's 2-2-2-1 net): {@code x = (1, 2)}, {@code w1 = {{1,
   * -1}, {-1, 1}}} (w11 = 1, w12 = -1, w21 = -1, w22 = 1), {@code w2 = {{-1, -1}, {1, 1}}} (w11 =
   * -1, w12 = -1, w21 = 1, w22 = 1), {@code w3 = (1, 1)}, {@code y = 0}. Forward: {@code a1 = (1 *
   * 1 + 2 * (-1), 1 * (-1) + 2 * 1) = (-1, 1)}, {@code h1 = (0, 1)}, {@code a2 = (0 * (-1) + 1 * 1,
   * 0 * (-1) + 1 * 1) = (1, 1)}, {@code h2 = (1, 1)}, {@code z = 2}, {@code probability =
   * sigmoid(2) = 0.8807971}, {@code loss = log(1 + e^2) = 2.1269280}. Backward: {@code outputDelta
   * = 0.8807971}, {@code delta2 = (0.8807971, 0.8807971)}, {@code delta1 = (0, 1.7615942)} ({@code
   * relu'(-1) = 0}; {@code 1 * 0.8807971 + 1 * 0.8807971}), {@code gradW3 = (0.8807971,
   * 0.8807971)}, {@code gradW2 = {{0, 0}, {0.8807971, 0.8807971}}}, {@code gradW1 = {{0,
   * 1.7615942}, {0, 3.5231884}}}; so {@code dL/dw22} is 0.8807971 in layer 2 and 3.5231884 in
   * layer 1.
   *
   * <p>The homework net is 2-2-2-1, but any layer sizes {@code n0, n1, n2 >= 1} must work.
   *
   * @param input the input, the weights and the label
   * @return forward values, deltas and weight gradients
   */
  ReluNetOutput reluNet(ReluNetInput input);

  /**
   * The scalar chain {@code f = w3 * u2} with {@code u1 = sigmoid(w1 * x)} and {@code u2 =
   * sigmoid(w2 * u1)}: its value and its derivatives with respect to the three weights,
   *
   * <pre>
   *   df/dw3 = u2
   *   df/dw2 = w3 * u2 (1 - u2) * u1
   *   df/dw1 = w3 * u2 (1 - u2) * w2 * u1 (1 - u1) * x
   * </pre>
   *
   * <p>Example: {@code x = 2, w1 = 0, w2 = 2, w3 = 3}: {@code u1 = sigmoid(0) = 0.5}, {@code u2 =
   * sigmoid(1) = 0.7310586}, {@code f = 2.1931757}, {@code df/dw3 = 0.7310586},
   * {@code df/dw2 = 3 * 0.1966119 * 0.5 = 0.2949179},
   * {@code df/dw1 = 3 * 0.1966119 * 2 * 0.25 * 2 = 0.5898358}.
   *
   * @param input x and the three weights
   * @return f and its three weight derivatives
   */
  SigmoidChainOutput sigmoidChain(SigmoidChainInput input);

  /**
   * One tanh hidden layer with biases and a softmax output, on the cross-entropy loss of the
   * correct class {@code label} (shapes in {@link TanhSoftmaxInput}).
   *
   * <p><b>Forward:</b>
   *
   * <pre>
   *   a[j]   = sum_i x[i] w1[i][j] + b1[j]      hidden[j] = tanh(a[j])
   *   s[c]   = sum_j hidden[j] w2[j][c] + b2[c]
   *   probabilities[c] = e^(s[c]) / sum_c' e^(s[c'])
   *   loss   = -log probabilities[label] = log(sum_c e^(s[c])) - s[label]
   * </pre>
   *
   * Subtract {@code max_c s[c]} before exponentiating, so that large scores do not overflow.
   *
   * <p><b>Backward</b>, with the one-hot label {@code t[c] = 1} if {@code c = label}, else 0:
   *
   * <pre>
   *   dL/ds[c]      = probabilities[c] - t[c]
   *   gradW2[j][c]  = hidden[j] * dL/ds[c]          gradB2[c] = dL/ds[c]
   *   dL/da[j]      = (1 - hidden[j]^2) * sum_c w2[j][c] dL/ds[c]
   *   gradW1[i][j]  = x[i] * dL/da[j]               gradB1[j] = dL/da[j]
   * </pre>
   *
   * <p>Example: {@code x = (1, 2)}, {@code w1 = {{0.5, -1}, {0, 0.5}}}, {@code b1 = (0, 1)},
   * {@code w2 = {{1, -1, 0}, {2, 0, -1}}}, {@code b2 = (0, 0, 0.5)}, {@code label = 0}. Then
   * {@code a = (0.5, 1)}, {@code hidden = (0.4621172, 0.7615942)}, {@code s = (1.9853055,
   * -0.4621172, -0.2615942)}, {@code probabilities = (0.8387553, 0.0725660, 0.0886787)}, {@code
   * loss = 0.1758362}, {@code gradB2 = (-0.1612447, 0.0725660, 0.0886787)}, {@code gradW2 =
   * {{-0.0745139, 0.0335340, 0.0409799}, {-0.1228030, 0.0552658, 0.0675372}}}, {@code gradB1 =
   * (-0.1838799, -0.1726800)}, {@code gradW1 = {{-0.1838799, -0.1726800}, {-0.3677597,
   * -0.3453600}}}.
   *
   * @param input the input, the parameters and the correct class
   * @return forward values, the loss and every parameter gradient
   */
  TanhSoftmaxOutput tanhSoftmax(TanhSoftmaxInput input);
}
