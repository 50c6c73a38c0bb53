package adv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** An annotation processor that writes a marker outside, were the grader's javac to run it. */
@SupportedAnnotationTypes("*")
public class EvilProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      Files.writeString(Path.of("@OUTSIDE@/processor-ran"), "pwned");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return false;
  }
}
