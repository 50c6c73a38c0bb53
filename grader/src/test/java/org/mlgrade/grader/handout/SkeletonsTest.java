package org.mlgrade.grader.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.reference.ProblemRegistry;

class SkeletonsTest {

  @Test
  void skeletonImplementsEveryMethodByThrowingNotImplementedYet() {
    String source = Skeletons.source(ConvArithmetic.class);

    assertThat(source).startsWith("package hw;")
        .contains("public class ConvArithmeticSolution implements "
            + "org.mlgrade.api.conv.ConvArithmetic")
        .contains("outputShapes(").contains("costs(").contains("findConv(");
    assertThat(source.split("throw new UnsupportedOperationException\\(\"not implemented yet\"\\)",
        -1)).hasSize(ConvArithmetic.class.getMethods().length + 1);
    assertThat(Skeletons.path(BernoulliMixtureEm.class))
        .isEqualTo("hw/BernoulliMixtureEmSolution.java");
  }

  @Test
  void everyGradedInterfacesSkeletonCompilesAgainstTheApi(@TempDir Path out) {
    List<Class<?>> apis = ProblemRegistry.standard().all().stream()
        .<Class<?>>map(p -> p.solverType()).distinct().toList();
    List<SimpleJavaFileObject> sources = apis.stream().map(api -> (SimpleJavaFileObject)
        new SimpleJavaFileObject(URI.create("string:///" + Skeletons.path(api)),
            SimpleJavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return Skeletons.source(api);
          }
        }).toList();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();

    Boolean compiled = javac.getTask(errors, null, null, List.of("-d", out.toString(),
        "-proc:none", "-Xlint:all", "-Werror"), null, sources).call();

    assertThat(apis).hasSizeGreaterThanOrEqualTo(8);
    assertThat(compiled).as(errors.toString()).isTrue();
  }
}
