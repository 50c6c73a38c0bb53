package org.mlgrade.grader.submission;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Finds uses of forbidden JDK APIs in attributed compilation units. Every identifier, member
 * select, constructor call and method reference is resolved to the element it names, so the
 * check sees through imports and never reads comments; string literals are read only for the
 * paths a rule forbids ({@code /proc}). Imports themselves are not findings: only a use is.
 */
final class StaticChecker {

  private final Set<StaticRule> rules;
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final Map<TypeElement, Set<String>> supertypeNames = new HashMap<>();

  StaticChecker(JavacTask task, Set<StaticRule> rules) {
    this.rules = Set.copyOf(rules);
    this.trees = Trees.instance(task);
    this.elements = task.getElements();
    this.types = task.getTypes();
  }

  /**
   * The findings in {@code unit}, at most one per rule and line.
   *
   * @param file the unit's path relative to the submission root, for the findings
   */
  List<StaticFinding> check(CompilationUnitTree unit, String file) {
    Scanner scanner = new Scanner(unit, file);
    scanner.scan(unit, null);
    return new ArrayList<>(scanner.findings);
  }

  private final class Scanner extends TreePathScanner<Void, Void> {

    private final CompilationUnitTree unit;
    private final String file;
    private final SourcePositions positions;
    private final Set<StaticFinding> findings = new LinkedHashSet<>();
    private final Set<String> seen = new HashSet<>();

    Scanner(CompilationUnitTree unit, String file) {
      this.unit = unit;
      this.file = file;
      this.positions = trees.getSourcePositions();
    }

    @Override
    public Void visitImport(ImportTree tree, Void unused) {
      return null; // an import does nothing by itself; its uses are found where they are
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
      inspect();
      return super.visitIdentifier(tree, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
      inspect();
      return super.visitMemberSelect(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      inspect();
      return super.visitNewClass(tree, unused);
    }

    @Override
    public Void visitLiteral(LiteralTree tree, Void unused) {
      if (tree.getValue() instanceof String text) {
        for (StaticRule rule : rules) {
          String prefix = rule.forbiddenLiteral(text);
          if (prefix != null) {
            report(rule, getCurrentPath(), "the path " + prefix);
          }
        }
      }
      return super.visitLiteral(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      inspect();
      return super.visitMemberReference(tree, unused);
    }

    private void inspect() {
      TreePath path = getCurrentPath();
      Element element = trees.getElement(path);
      if (element == null || element.asType().getKind() == TypeKind.ERROR) {
        return;
      }
      for (StaticRule rule : rules) {
        String used = violation(rule, element);
        if (used != null) {
          report(rule, path, used);
        }
      }
    }

    private void report(StaticRule rule, TreePath path, String used) {
      long line = line(path);
      if (seen.add(rule.id() + "@" + line)) {
        findings.add(new StaticFinding(rule.id(), file, line,
            "uses " + used + ": " + rule.what() + " is not allowed (" + rule.id() + ")"));
      }
    }

    private long line(TreePath path) {
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        long position = positions.getStartPosition(unit, p.getLeaf());
        if (position != Diagnostic.NOPOS) {
          return unit.getLineMap().getLineNumber(position);
        }
      }
      return 0;
    }
  }

  /** What {@code element} uses that {@code rule} forbids, or null when it is allowed. */
  private String violation(StaticRule rule, Element element) {
    if (element instanceof TypeElement type) {
      return forbiddenType(rule, type) ? type.getQualifiedName().toString() : null;
    }
    if (element instanceof PackageElement) {
      return null; // the type a package name leads to is inspected by itself
    }
    Element enclosing = element.getEnclosingElement();
    if (!(enclosing instanceof TypeElement owner)) {
      return null; // a local variable or parameter: its type is named where it is declared
    }
    String name = element.getKind() == ElementKind.CONSTRUCTOR ? "<init>"
        : element.getSimpleName().toString();
    if (element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.ENUM_CONSTANT
        || element instanceof ExecutableElement) {
      if (forbiddenType(rule, owner)) {
        return owner.getQualifiedName() + (name.equals("<init>") ? "" : "." + name);
      }
    }
    if (!(element instanceof ExecutableElement executable)) {
      return null;
    }
    String firstParam = executable.getParameters().isEmpty() ? null
        : types.erasure(executable.getParameters().get(0).asType()).toString();
    for (String ownerName : supertypeNames(owner)) {
      if (rule.forbidsMember(ownerName + "#" + name)
          || firstParam != null && rule.forbidsMember(ownerName + "#" + name + "(" + firstParam
              + ")")) {
        return ownerName + (name.equals("<init>") ? " constructor" : "." + name);
      }
    }
    return null;
  }

  private boolean forbiddenType(StaticRule rule, TypeElement type) {
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (rule.forbidsType(t.getQualifiedName().toString(), packageName)) {
        return true;
      }
    }
    return false;
  }

  /** The qualified names of {@code type} and every type it extends or implements. */
  private Set<String> supertypeNames(TypeElement type) {
    return supertypeNames.computeIfAbsent(type, start -> {
      Set<String> names = new LinkedHashSet<>();
      Deque<TypeMirror> todo = new ArrayDeque<>(List.of(start.asType()));
      while (!todo.isEmpty()) {
        TypeMirror mirror = todo.pop();
        Element element = types.asElement(mirror);
        if (element instanceof TypeElement t && names.add(t.getQualifiedName().toString())) {
          todo.addAll(types.directSupertypes(mirror));
        }
      }
      return names;
    });
  }
}
