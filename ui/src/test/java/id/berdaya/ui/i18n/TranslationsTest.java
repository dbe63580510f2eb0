package id.berdaya.ui.i18n;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import id.berdaya.core.audit.AuditAction;
import id.berdaya.core.audit.AuditEntity;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.ui.components.AuditLabels;
import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.imports.ImportBatch;
import id.berdaya.registry.imports.ImportIssue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Indonesian and English say the same things, and every message key the code uses exists. */
class TranslationsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties id = load("translations_id.properties");
        Properties en = load("translations_en.properties");
        assertThat(new TreeSet<>(id.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : id.stringPropertyNames()) {
            new MessageFormat(id.getProperty(key), Locale.forLanguageTag("id"));
            new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            assertThat(id.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyBuiltFromAnEnumOrActionIsTranslated() throws IOException {
        Set<String> keys = load("translations_id.properties").stringPropertyNames();
        Set<String> expected = new TreeSet<>();
        for (var r : id.berdaya.core.security.Role.values()) {
            expected.add("role." + r.name());
        }
        for (var s : id.berdaya.registry.beneficiary.BeneficiaryStatus.values()) {
            expected.add("registry.status." + s.name());
        }
        for (var s : id.berdaya.registry.Sex.values()) {
            expected.add("registry.sex." + s.name());
        }
        for (var b : id.berdaya.registry.LegalBasis.values()) {
            expected.add("registry.legalBasis." + b.name());
        }
        for (var s : id.berdaya.registry.imports.ImportBatch.Status.values()) {
            expected.add("import.status." + s.name());
        }
        for (var o : id.berdaya.registry.imports.ImportIssue.Outcome.values()) {
            expected.add("import.outcome." + o.name());
        }
        for (var t : id.berdaya.grants.proposal.BusinessType.values()) {
            expected.add("grants.businessType." + t.name());
        }
        for (var t : id.berdaya.grants.proposal.ProposalState.values()) {
            expected.add("grants.state." + t.name());
        }
        for (var g : id.berdaya.grants.catalogue.ItemGroup.values()) {
            expected.add("grants.group." + g.name());
        }
        for (var u : id.berdaya.grants.catalogue.Unit.values()) {
            expected.add("grants.unit." + u.name());
        }
        for (var a : List.of(id.berdaya.grants.proposal.ProposalAction.APPROVE, id.berdaya.grants.proposal.ProposalAction.RETURN,
                id.berdaya.grants.proposal.ProposalAction.REJECT)) {
            expected.add("grants.inbox.decided." + a.name());
        }
        for (String flag : List.of("birthDate", "sex", "region", "kabkotaUnknown", "kecamatanUnknown")) {
            expected.add("registry.flag." + flag);
        }
        assertThat(keys).containsAll(expected);
    }

    @Test
    void everyAuditedActionAndEntityTypeHasALabelInBothLanguages() throws IOException {
        Set<String> expected = new TreeSet<>();
        AuditLabels.actionCodes().forEach(code -> expected.add("audit.action." + code));
        for (CoreEntity e : CoreEntity.values()) {
            expected.add("audit.entity." + e.code());
        }
        for (JavaClass c : new ClassFileImporter().importPackages("id.berdaya")) {
            if (c.isEnum() && c.isAssignableTo(AuditEntity.class)) { // a module's entity types
                for (Object constant : c.reflect().getEnumConstants()) {
                    expected.add("audit.entity." + ((AuditEntity) constant).code());
                }
            }
        }
        assertThat(expected).contains("audit.action.USER_CREATED", "audit.action.BENEFICIARY_NIK_REVEALED", "audit.entity.ROUTE");
        assertThat(load("translations_id.properties").stringPropertyNames()).containsAll(expected);
        assertThat(load("translations_en.properties").stringPropertyNames()).containsAll(expected);
    }

    @Test
    void everyModulesActionEnumIsListedForTheLabels() {
        // a module that adds an enum of audited actions must add it to AuditLabels.ACTION_TYPES,
        // so that the audit screen offers its actions and the test above asks for their labels
        int enums = 0;
        for (JavaClass c : new ClassFileImporter().importPackages("id.berdaya")) {
            if (c.isEnum() && c.isAssignableTo(AuditAction.class)) {
                assertThat(AuditLabels.ACTION_TYPES).as(c.getName()).anyMatch(t -> t == c.reflect());
                enums++;
            }
        }
        assertThat(enums).as("the check sees CoreAction at least").isPositive();
    }

    @Test
    void everyKeyTheCodeUsesIsTranslated() throws IOException {
        Set<String> keys = load("translations_id.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("(?:getTranslation|RuleViolation(?:\\.Problem)?|Feedback\\.(?:success|error))\\(\\s*(?:this,\\s*|[a-z]+,\\s*)?\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");
        Pattern problem = Pattern.compile("new (?:RuleViolation(?:\\.Problem)?|Problem)\\([^,]+,\\s*\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/java"), Path.of("../modules/core/src/main/java"), Path.of("../modules/registry/src/main/java"),
                Path.of("../modules/training/src/main/java"), Path.of("../modules/grants/src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    for (Pattern p : new Pattern[] {literal, problem}) {
                        Matcher m = p.matcher(src);
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
            }
        }
        used.removeIf(k -> k.endsWith("."));  // prefixes of keys built at run time (checked by the enum test)
        assertThat(used).contains("password.tooShort", "user.username.taken", "beranda.welcome", "nik.error.month");
        assertThat(keys).containsAll(used);
    }
}
