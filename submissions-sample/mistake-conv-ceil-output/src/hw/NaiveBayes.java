package hw;

import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.GaussianNaiveBayes;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.api.naivebayes.Posteriors;

/** Gaussian naive Bayes with one pooled variance per feature. */
public class NaiveBayes implements GaussianNaiveBayes {

  @Override
  public GaussianModel fit(LabelledData data) {
    double[][] x = data.x();
    int[] y = data.y();
    int numClasses = data.classes();
    int total = x.length;
    int dims = x[0].length;
    int[] counts = new int[numClasses];
    double[][] mu = new double[numClasses][dims];
    for (int i = 0; i < total; i++) {
      counts[y[i]]++;
      for (int j = 0; j < dims; j++) {
        mu[y[i]][j] += x[i][j];
      }
    }
    double[] prior = new double[numClasses];
    for (int k = 0; k < numClasses; k++) {
      prior[k] = (double) counts[k] / total;
      for (int j = 0; j < dims; j++) {
        mu[k][j] /= counts[k];
      }
    }
    double[] var = new double[dims];
    for (int i = 0; i < total; i++) {
      for (int j = 0; j < dims; j++) {
        double r = x[i][j] - mu[y[i]][j];
        var[j] += r * r;
      }
    }
    for (int j = 0; j < dims; j++) {
      var[j] /= total;
    }
    return new GaussianModel(prior, mu, var);
  }

  @Override
  public Posteriors posterior(PosteriorQuery query) {
    GaussianModel model = query.model();
    double[][] pts = query.x();
    int numClasses = model.priors().length;
    double[][] out = new double[pts.length][numClasses];
    for (int i = 0; i < pts.length; i++) {
      double[] score = new double[numClasses];
      double top = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < numClasses; k++) {
        double s = Math.log(model.priors()[k]);
        for (int j = 0; j < pts[i].length; j++) {
          double v = model.variances()[j];
          double diff = pts[i][j] - model.means()[k][j];
          s -= diff * diff / (2 * v);
        }
        score[k] = s;
        top = Math.max(top, s);
      }
      double norm = 0;
      for (int k = 0; k < numClasses; k++) {
        out[i][k] = Math.exp(score[k] - top);
        norm += out[i][k];
      }
      for (int k = 0; k < numClasses; k++) {
        out[i][k] /= norm;
      }
    }
    return new Posteriors(out);
  }
}
