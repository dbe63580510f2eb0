package id.berdaya.ui.architecture;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.berdaya.archfixture.StringAuditCode;
import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.audit.AuditEntity;
import id.berdaya.archfixture.ServiceWithJooqRecord;
import id.berdaya.archfixture.ServiceWithVaadin;
import id.berdaya.archfixture.UndocumentedUnscopedRepository;
import id.berdaya.archfixture.UnguardedService;
import id.berdaya.ui.archfixture.ViewWithAuditLog;
import id.berdaya.ui.archfixture.ViewWithFigureSource;
import id.berdaya.ui.archfixture.ViewWithTwoAccessAnnotations;
import id.berdaya.ui.archfixture.ViewWithJooq;
import id.berdaya.ui.archfixture.ViewWithRoleCheck;
import id.berdaya.core.security.Role;
import id.berdaya.ui.archfixture.ViewWithUntranslatedDatePicker;
import id.berdaya.ui.components.WidgetTexts;
import id.berdaya.core.scope.DistrictScopedRepository;
import id.berdaya.core.scope.UnscopedReason;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of docs/architecture.md, checked on the compiled classes of every module. Each rule
 * is also run once against a deliberately broken fixture class, to prove it can fail.
 */
class ArchitectureTest {

    /** Feature modules own tables whose names start with the module name (registry_...). */
    static final Set<String> FEATURE_MODULES = Set.of("registry", "training", "grants", "monitoring");
    /** District-owned tables (a district column that the scope filters on): jOOQ table classes. */
    static final Set<String> DISTRICT_OWNED_TABLES = Set.of("id.berdaya.db.tables.AuditEvent",
            "id.berdaya.db.tables.RegistryBeneficiary", "id.berdaya.db.tables.RegistryNameToken",
            "id.berdaya.db.tables.RegistryDuplicate", "id.berdaya.db.tables.RegistryDocument",
            "id.berdaya.db.tables.RegistryImportBatch", "id.berdaya.db.tables.RegistryImportIssue",
            "id.berdaya.db.tables.TrainingEvent", "id.berdaya.db.tables.TrainingSession", "id.berdaya.db.tables.TrainingParticipant",
            "id.berdaya.db.tables.TrainingAttendance", "id.berdaya.db.tables.TrainingResult", "id.berdaya.db.tables.TrainingCertificate",
            "id.berdaya.db.tables.TrainingSessionScan", "id.berdaya.db.tables.TrainingCertificateNumber",
            "id.berdaya.db.tables.GrantsCeiling", "id.berdaya.db.tables.GrantsProposal", "id.berdaya.db.tables.GrantsProposalItem",
            "id.berdaya.db.tables.GrantsProposalHistory", "id.berdaya.db.tables.GrantsExemption",
            "id.berdaya.db.tables.GrantsHandover", "id.berdaya.db.tables.GrantsHandoverItem",
            "id.berdaya.db.tables.GrantsHandoverScan", "id.berdaya.db.tables.GrantsHandoverNumber",
            "id.berdaya.db.tables.MonitoringOfficerArea", "id.berdaya.db.tables.MonitoringCase", "id.berdaya.db.tables.MonitoringVisit",
            "id.berdaya.db.tables.MonitoringVisitChange", "id.berdaya.db.tables.MonitoringVisitPhoto", "id.berdaya.db.tables.MonitoringAsset",
            "id.berdaya.db.tables.MonitoringMovement", "id.berdaya.db.tables.MonitoringFlag", "id.berdaya.db.tables.MonitoringOutcome",
            "id.berdaya.db.tables.MonitoringTally");
    /** The one class that writes a district-owned table without reading it: the append-only audit writer. */
    static final Set<String> SCOPE_EXEMPT_WRITERS = Set.of("id.berdaya.core.audit.AuditLog");
    /** Where the String-based audit API lives until the register is converted (its deprecated members). */
    static final List<Class<? extends Annotation>> ACCESS_ANNOTATIONS =
            List.of(AnonymousAllowed.class, PermitAll.class, RolesAllowed.class, DenyAll.class);

    static final JavaClasses BERDAYA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("id.berdaya");
    static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("id.berdaya.ui.archfixture", "id.berdaya.archfixture");

    static final ArchRule modulesDoNotKnowVaadin = noClasses()
            .that().resideInAPackage("id.berdaya..").and().resideOutsideOfPackage("id.berdaya.ui..")
            .and().doNotHaveFullyQualifiedName("id.berdaya.BerdayaApplication")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .as("modules/* never use Vaadin");

    static final ArchRule uiHasNoSql = noClasses()
            .that().resideInAPackage("id.berdaya.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "id.berdaya.db..", "java.sql..")
            .as("ui never uses jOOQ, the generated schema or JDBC");

    static final ArchRule uiUsesServicesNotInternals = noClasses()
            .that().resideInAPackage("id.berdaya.ui..")
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("id.berdaya.core.audit.AuditLog")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("id.berdaya.core.scope.DistrictScope")
            .as("views call application services, never repositories, the audit writer or the scope");

    static final ArchRule uiAsksTheScorecardNotTheFigureSources = noClasses()
            .that().resideInAPackage("id.berdaya.ui..")
            .should().dependOnClassesThat().areAssignableTo(id.berdaya.core.figures.FigureSource.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("id.berdaya.core.figures.FigureCounts")
            .as("ui never reads a FigureSource or the counts: the scorecard service checks who asks and suppresses small cells");

    static final ArchRule widgetTextsFromTheBundles = classes()
            .that().resideInAPackage("id.berdaya.ui..")
            .should(translateTheWidgetsTheyCreate())
            .as("every DatePicker and Upload gets its texts from the bundles through WidgetTexts");

    static final ArchRule everyRouteHasExactlyOneAccessAnnotation = classes()
            .that().areAnnotatedWith(Route.class)
            .should(haveExactlyOneAccessAnnotation())
            .as("every @Route has exactly one access annotation");

    /**
     * Method names that check a role or an authority, wherever they are declared (Spring
     * Security's expressions and request wrappers, the servlet request, Vaadin's
     * AuthenticationContext).
     */
    static final Set<String> ROLE_CHECKS = Set.of("hasRole", "hasAnyRole", "hasAuthority", "hasAnyAuthority", "isUserInRole");

    static final ArchRule viewsDoNotCheckRoles = classes()
            .that().resideInAPackage("id.berdaya.ui..")
            .and(com.tngtech.archunit.base.DescribedPredicate.describe("are views (@Route) or nested in one",
                    (JavaClass c) -> c.isAnnotatedWith(Route.class)
                            || c.getEnclosingClass().map(e -> e.isAnnotatedWith(Route.class)).orElse(false)))
            .should(notCheckRoles())
            .as("views do not check roles: they show buttons and filters from what their service says the user may do "
                    + "(e.g. BeneficiaryService.allowedActions); the menu reads the routes' access annotations");

    static final ArchRule everyServiceMethodIsGuarded = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("id.berdaya.ui..")
            .and().arePublic().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
            .should().beAnnotatedWith(PreAuthorize.class)
            .as("every public method of a @Service in modules/* carries @PreAuthorize");

    static final ArchRule districtOwnedTablesOnlyThroughTheScope = classes()
            .should(readDistrictOwnedTablesOnlyThroughTheScope())
            .as("district-owned tables are read only by DistrictScopedRepository subclasses");

    static final ArchRule servicesKeepSqlInRepositories = noClasses()
            .that().areAnnotatedWith(Service.class)
            .should().dependOnClassesThat().resideInAPackage("id.berdaya.db..")
            .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("store() of a jOOQ record",
                    (JavaMethodCall call) -> call.getName().equals("store")
                            && call.getTargetOwner().isAssignableTo(org.jooq.UpdatableRecord.class)))
            .as("services never use the generated schema (id.berdaya.db) or store() a jOOQ record: SQL and records stay in repositories");

    static final ArchRule tablesOnlyFromTheirOwningModule = classes()
            .should(touchOnlyTablesOfTheirOwnModule())
            .as("a table is used only by the module that owns it (by name prefix)");

    static final ArchRule auditEventsAreTyped = classes()
            .that().implement(AuditAction.class).or().implement(AuditEntity.class)
            .should().beEnums()
            .as("audit events are typed: every audit action and entity type is a constant of a module's enum "
                    + "(AuditLog has no String-based methods)");

    @Test
    void modulesNeverImportVaadin() {
        modulesDoNotKnowVaadin.check(BERDAYA);
        EvaluationResult broken = modulesDoNotKnowVaadin.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ServiceWithVaadin.class.getName()));
    }

    @Test
    void servicesLeaveSqlAndJooqRecordsToRepositories() {
        servicesKeepSqlInRepositories.check(BERDAYA);
        EvaluationResult broken = servicesKeepSqlInRepositories.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ServiceWithJooqRecord.class.getName() + ".rename"));
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ServiceWithJooqRecord.class.getName())
                && d.contains("id.berdaya.db.tables.records.AppUserRecord"));
    }

    /**
     * Every call of the one door out of the district scope, {@code DistrictScopedRepository.unscoped},
     * as "Class.method REASON", matches the list in docs/architecture.md (between the
     * {@code unscoped-reads} markers): a new unscoped read must be documented, and a documented one
     * that is gone must leave the page.
     */
    @Test
    void everyUnscopedReadIsListedInTheArchitecturePage() throws IOException {
        Set<String> documented = documentedUnscopedReads();
        assertThat(unscopedReads(BERDAYA)).as("callers of unscoped(reason) vs. docs/architecture.md").isEqualTo(documented);
        assertThat(documented).as("the list is found").hasSizeGreaterThanOrEqualTo(5);
        Set<String> fixture = unscopedReads(FIXTURES);
        assertThat(fixture).contains(UndocumentedUnscopedRepository.class.getSimpleName() + ".everyone DUPLICATE_CANDIDATES");
        assertThat(documented).doesNotContainAnyElementsOf(fixture);
    }

    /** The callers of {@code unscoped(UnscopedReason)}; the reason is the constant read on the call's line. */
    static Set<String> unscopedReads(JavaClasses classes) {
        Set<String> reads = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.isAssignableTo(DistrictScopedRepository.class)) {
                continue;
            }
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (!call.getName().equals("unscoped") || !call.getTargetOwner().isAssignableTo(DistrictScopedRepository.class)) {
                    continue;
                }
                List<String> reasons = call.getOrigin().getFieldAccesses().stream()
                        .filter(a -> a.getTargetOwner().isEquivalentTo(UnscopedReason.class) && a.getLineNumber() == call.getLineNumber())
                        .map(a -> a.getTarget().getName()).distinct().toList();
                assertThat(reasons).as("%s: name exactly one UnscopedReason constant on the line of unscoped(...)", call.getSourceCodeLocation())
                        .hasSize(1);
                reads.add(c.getSimpleName() + "." + call.getOrigin().getName() + " " + reasons.getFirst());
            }
        }
        return reads;
    }

    /** The list in docs/architecture.md between the markers, as "Class.method REASON". */
    static Set<String> documentedUnscopedReads() throws IOException {
        Path page = Path.of("docs/architecture.md");
        if (!Files.exists(page)) {
            page = Path.of("../docs/architecture.md");
        }
        String text = Files.readString(page);
        int from = text.indexOf("<!-- unscoped-reads -->");
        int to = text.indexOf("<!-- /unscoped-reads -->");
        assertThat(from).as("the unscoped-reads markers in docs/architecture.md").isNotNegative().isLessThan(to);
        Set<String> reads = new TreeSet<>();
        // an item names one or more methods, then the reason: "- `Class.a`, `.b` (`REASON`): why"
        Matcher item = Pattern.compile("(?m)^\\s*- ((?:`[\\w.]+`,?\\s*)+)\\(`(\\w+)`\\)").matcher(text.substring(from, to));
        while (item.find()) {
            String owner = null;
            Matcher name = Pattern.compile("`([\\w.]+)`").matcher(item.group(1));
            while (name.find()) {
                String method = name.group(1);
                if (method.startsWith(".")) {
                    method = owner + method;
                } else {
                    owner = method.substring(0, method.indexOf('.'));
                }
                reads.add(method + " " + item.group(2));
            }
        }
        return reads;
    }

    @Test
    void uiNeverImportsJooqOrTheSchema() {
        uiHasNoSql.check(BERDAYA);
        assertThat(uiHasNoSql.evaluate(FIXTURES).hasViolation()).as("the rule catches a view using jOOQ").isTrue();
    }

    @Test
    void viewsReadFiguresOnlyThroughTheScorecardService() {
        uiAsksTheScorecardNotTheFigureSources.check(BERDAYA);
        EvaluationResult broken = uiAsksTheScorecardNotTheFigureSources.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ViewWithFigureSource.class.getName()));
    }

    @Test
    void viewsCallServicesOnly() {
        uiUsesServicesNotInternals.check(BERDAYA);
        EvaluationResult broken = uiUsesServicesNotInternals.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ViewWithAuditLog.class.getName()));
    }

    @Test
    void everyDatePickerAndUploadSpeaksTheUsersLanguage() {
        widgetTextsFromTheBundles.check(BERDAYA);
        EvaluationResult broken = widgetTextsFromTheBundles.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ViewWithUntranslatedDatePicker.class.getName()));
    }

    @Test
    void everyRouteHasExactlyOneAccessAnnotation() {
        everyRouteHasExactlyOneAccessAnnotation.check(BERDAYA);
        EvaluationResult broken = everyRouteHasExactlyOneAccessAnnotation.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ViewWithTwoAccessAnnotations.class.getName()));
    }

    @Test
    void viewsDoNotCheckRoles() {
        viewsDoNotCheckRoles.check(BERDAYA);
        EvaluationResult broken = viewsDoNotCheckRoles.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(ViewWithRoleCheck.class.getName())
                && d.contains("Role.FIELD_OFFICER"));
    }

    @Test
    void everyPublicServiceMethodCarriesPreAuthorize() {
        everyServiceMethodIsGuarded.check(BERDAYA);
        EvaluationResult broken = everyServiceMethodIsGuarded.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(UnguardedService.class.getName()));
    }

    @Test
    void districtOwnedTablesAreReadOnlyThroughTheScopedRepository() {
        districtOwnedTablesOnlyThroughTheScope.check(BERDAYA);
        assertThat(districtOwnedTablesOnlyThroughTheScope.evaluate(FIXTURES).hasViolation()).isTrue();
    }

    @Test
    void tablesAreUsedOnlyByTheirOwningModule() {
        tablesOnlyFromTheirOwningModule.check(BERDAYA);
        assertThat(tablesOnlyFromTheirOwningModule.evaluate(FIXTURES).hasViolation()).isTrue();
    }

    @Test
    void auditEventsAreTyped() {
        auditEventsAreTyped.check(BERDAYA);
    }

    @Test
    void theTypedAuditRuleCatchesAStringCode() {
        EvaluationResult broken = auditEventsAreTyped.evaluate(FIXTURES);
        assertThat(broken.getFailureReport().getDetails()).anyMatch(d -> d.contains(StringAuditCode.class.getName()));
    }

    @Test
    void theRulesSeeTheCodeTheyGuard() {
        // guards against rules that silently match nothing (e.g. after a package rename)
        assertThat(BERDAYA.stream().filter(c -> c.isAnnotatedWith(Route.class)).count()).isGreaterThanOrEqualTo(6);
        assertThat(BERDAYA.stream().filter(c -> c.isAnnotatedWith(Service.class)).count()).isGreaterThanOrEqualTo(3);
        assertThat(BERDAYA.stream().filter(c -> c.isAssignableTo(DistrictScopedRepository.class) && !c.getModifiers().contains(JavaModifier.ABSTRACT))).isNotEmpty();
        assertThat(FIXTURES.contain(ViewWithJooq.class)).isTrue();
    }

    private static ArchCondition<JavaClass> translateTheWidgetsTheyCreate() {
        return new ArchCondition<>("pass every DatePicker and Upload they create through WidgetTexts") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Map.Entry<Class<?>, String> widget : Map.<Class<?>, String>of(DatePicker.class, "datePicker", Upload.class, "upload").entrySet()) {
                    boolean creates = c.getConstructorCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().isEquivalentTo(widget.getKey()));
                    boolean translates = c.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().isEquivalentTo(WidgetTexts.class)
                            && call.getName().equals(widget.getValue()));
                    if (creates && !translates) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " creates a " + widget.getKey().getSimpleName()
                                + " without WidgetTexts." + widget.getValue()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> haveExactlyOneAccessAnnotation() {
        return new ArchCondition<>("have exactly one access annotation") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                long n = ACCESS_ANNOTATIONS.stream().filter(c::isAnnotatedWith).count();
                if (n != 1) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " has " + n + " access annotations"));
                }
            }
        };
    }

    /**
     * Neither a Role constant (a comparison such as {@code me.role() == Role.X}, a set of roles)
     * nor a Role method (a switch on the role calls {@code ordinal()}) except {@code values()} and
     * {@code name()} (user administration lists roles, the home page names the user's role), nor
     * any hasRole-like check; lambdas are methods of the class, so they count too.
     */
    private static ArchCondition<JavaClass> notCheckRoles() {
        return new ArchCondition<>("not check roles") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaFieldAccess access : c.getFieldAccessesFromSelf()) {
                    if (access.getTargetOwner().isEquivalentTo(Role.class)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " reads Role." + access.getTarget().getName()
                                + " " + access.getSourceCodeLocation()));
                    }
                }
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    boolean roleMethod = call.getTargetOwner().isEquivalentTo(Role.class)
                            && !Set.of("values", "name").contains(call.getName());
                    if (roleMethod || ROLE_CHECKS.contains(call.getName())) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " calls " + call.getTargetOwner().getSimpleName()
                                + "." + call.getName() + " " + call.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> readDistrictOwnedTablesOnlyThroughTheScope() {
        return new ArchCondition<>("read district-owned tables only through DistrictScopedRepository") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.isAssignableTo(DistrictScopedRepository.class) || SCOPE_EXEMPT_WRITERS.contains(c.getName())
                        || c.getPackageName().startsWith("id.berdaya.db")) {
                    return;
                }
                for (JavaFieldAccess access : c.getFieldAccessesFromSelf()) {
                    String owner = access.getTargetOwner().getName();
                    String field = access.getTarget().getName();
                    boolean table = DISTRICT_OWNED_TABLES.contains(owner)
                            || ("id.berdaya.db.Tables".equals(owner) && DISTRICT_OWNED_TABLES.stream().anyMatch(t -> tableConstant(t).equals(field)));
                    if (table) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " touches " + owner + "." + field
                                + " outside a DistrictScopedRepository (" + access.getSourceCodeLocation() + ")"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> touchOnlyTablesOfTheirOwnModule() {
        return new ArchCondition<>("touch only tables of their own module") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.getPackageName().startsWith("id.berdaya.db")) {
                    return;
                }
                for (JavaFieldAccess access : c.getFieldAccessesFromSelf()) {
                    String owner = access.getTargetOwner().getName();
                    String table;
                    if (owner.startsWith("id.berdaya.db.tables.") && !owner.contains(".records.")) {
                        table = access.getTargetOwner().getSimpleName().toLowerCase(Locale.ROOT);
                    } else if ("id.berdaya.db.Tables".equals(owner)) {
                        table = access.getTarget().getName().toLowerCase(Locale.ROOT).replace("_", "");
                    } else {
                        continue;
                    }
                    String module = FEATURE_MODULES.stream().filter(table::startsWith).findFirst().orElse("core");
                    if (!c.getPackageName().startsWith("id.berdaya." + module)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " uses table " + table
                                + " owned by module " + module + " (" + access.getSourceCodeLocation() + ")"));
                    }
                }
            }
        };
    }

    /** Calls a deprecated member of the audit or scope API, unless the caller is itself deprecated (the bridge). */

    private static String tableConstant(String tableClass) {
        String simple = tableClass.substring(tableClass.lastIndexOf('.') + 1);
        return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
