package org.mlgrade.reference.problems.naivebayes;

import java.util.List;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.GaussianNaiveBayes;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.api.naivebayes.Posteriors;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The Gaussian naive Bayes problems: {@code naive-bayes.fit} and {@code naive-bayes.posterior}. */
public final class NaiveBayesProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public NaiveBayesProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** Every naive Bayes problem. */
  public static List<Problem<?, ?, ?>> all() {
    return List.of(fit(), posterior());
  }

  /** {@link GaussianNaiveBayes#fit}, compared field by field. */
  public static Problem<GaussianNaiveBayes, LabelledData, GaussianModel> fit() {
    return Problem.of("naive-bayes.fit", "Gaussian naive Bayes: maximum-likelihood fit",
        GaussianNaiveBayes.class, "fit", LabelledData.class, GaussianModel.class,
        GaussianNaiveBayes::fit, new GaussianNaiveBayesReference(), NaiveBayesInputs.data(),
        NaiveBayesMistakes.fit());
  }

  /** {@link GaussianNaiveBayes#posterior}, compared field by field. */
  public static Problem<GaussianNaiveBayes, PosteriorQuery, Posteriors> posterior() {
    return Problem.of("naive-bayes.posterior", "Gaussian naive Bayes: class posteriors",
        GaussianNaiveBayes.class, "posterior", PosteriorQuery.class, Posteriors.class,
        GaussianNaiveBayes::posterior, new GaussianNaiveBayesReference(),
        NaiveBayesInputs.queries(), NaiveBayesMistakes.posterior());
  }
}
