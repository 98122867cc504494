package cn.gx.titlereview;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Dependencies point down — stages → {@code workflow} → {@code session} → {@code region}, {@code calendar} →
 * {@code platform}, and stages → {@code library} (the committees' expert libraries) → {@code region} — and no package depends on itself through others. A new cycle fails the build here, naming the
 * classes that close it.
 */
@AnalyzeClasses(packages = "cn.gx.titlereview", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTest {

  private static final String BASE = "cn.gx.titlereview";

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles =
      slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule platformPackagesAreFreeOfCycles =
      slices().matching(BASE + ".platform.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule platformKnowsNothingOfTheProduct = noClasses().that().resideInAPackage(BASE + ".platform..")
      .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(resideOutsideOfPackage(BASE + ".platform..")))
      .because("the technical base serves every stage and must not know any of them");

  @ArchTest
  static final ArchRule sessionStandsBelowTheWorkflowAndTheStages = noClasses().that()
      .resideInAnyPackage(BASE + ".session..", BASE + ".calendar..", BASE + ".region..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".workflow..", BASE + ".preparation..",
          BASE + ".draw..", BASE + ".training..", BASE + ".review..", BASE + ".recheck..", BASE + ".publicity..",
          BASE + ".spotcheck..", BASE + ".inspection..", BASE + ".archive..", BASE + ".record..",
          BASE + ".expert..", BASE + ".supervision..", BASE + ".oversight..", BASE + ".workspace..", BASE + ".demo..",
          BASE + ".library..");

  @ArchTest
  static final ArchRule theLibraryKnowsNoSessionNorStage = noClasses().that().resideInAPackage(BASE + ".library..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".session..", BASE + ".workflow..",
          BASE + ".preparation..", BASE + ".draw..", BASE + ".training..", BASE + ".review..", BASE + ".recheck..",
          BASE + ".publicity..", BASE + ".spotcheck..", BASE + ".inspection..", BASE + ".archive..",
          BASE + ".record..", BASE + ".expert..", BASE + ".supervision..", BASE + ".oversight..", BASE + ".workspace..",
          BASE + ".demo..")
      .because("a committee's library outlives its sessions: sessions draw from it, not the other way round");

  @ArchTest
  static final ArchRule theRegionAndTheCalendarKnowNoSession = noClasses().that()
      .resideInAnyPackage(BASE + ".region..", BASE + ".calendar..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".session..")
      .because("sessions belong to committees of the region, not the other way round");

  @ArchTest
  static final ArchRule workflowKnowsNoStage = noClasses().that().resideInAPackage(BASE + ".workflow..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".preparation..", BASE + ".draw..",
          BASE + ".training..", BASE + ".review..", BASE + ".recheck..", BASE + ".publicity..", BASE + ".spotcheck..",
          BASE + ".inspection..", BASE + ".archive..", BASE + ".record..", BASE + ".expert..",
          BASE + ".supervision..", BASE + ".oversight..", BASE + ".workspace..", BASE + ".demo..")
      .because("stages contribute gates, documents and sections to the workflow, not the other way round");

  @ArchTest
  static final ArchRule everyProcessStepIsAClassOfItsOwn = noMethods().that().areAnnotatedWith(Bean.class)
      .should().haveRawReturnType(assignableTo(JavaDelegate.class).or(assignableTo(TaskListener.class))
          .or(assignableTo(ExecutionListener.class)))
      .because("a BPMN step is one small Spring bean class, <Verb><Noun>Delegate or …Listener, found by its name");

  @ArchTest
  static final ArchRule settingsAreValidatedRecords = noClasses().should().dependOnClassesThat()
      .areAssignableTo(Value.class)
      .because("a setting is a @ConfigurationProperties record with its defaults, checked at start, not an @Value");

  @Test
  void everyPackageSaysWhatItIsForInAPackageInfo() throws IOException {
    Path sources = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(sources)) {
      List<Path> packagesWithoutInfo = files.filter(Files::isDirectory)
          .filter(dir -> hasJava(dir) && !Files.exists(dir.resolve("package-info.java")))
          .map(sources::relativize).toList();
      assertThat(packagesWithoutInfo).as("packages without package-info.java").isEmpty();
    }
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
