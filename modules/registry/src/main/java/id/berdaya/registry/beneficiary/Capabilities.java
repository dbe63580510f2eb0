package id.berdaya.registry.beneficiary;

import id.berdaya.core.security.Guards;

import java.util.EnumSet;
import java.util.Set;

import static id.berdaya.registry.RegistryRoles.DOCUMENT_UPLOADERS;
import static id.berdaya.registry.RegistryRoles.EXPORTERS;
import static id.berdaya.registry.RegistryRoles.READERS;
import static id.berdaya.registry.RegistryRoles.REGISTRARS;
import static id.berdaya.registry.RegistryRoles.VERIFIERS;

/**
 * What the current user may do, computed from the same role expressions that guard
 * {@link BeneficiaryService}'s methods ({@link Guards#allows}) and the record's status rules.
 */
final class Capabilities {

    private Capabilities() {
    }

    /** With one record: a button is shown exactly when its call would pass the role check. */
    static Set<BeneficiaryService.Action> of(BeneficiaryDetail d) {
        Set<BeneficiaryService.Action> may = EnumSet.noneOf(BeneficiaryService.Action.class);
        if (Guards.allows(REGISTRARS) && d.status().correctable()) {
            may.add(BeneficiaryService.Action.EDIT);
        }
        if (Guards.allows(VERIFIERS)) {
            if (d.status().awaitsVerification()) {
                may.add(BeneficiaryService.Action.VERIFY);
                may.add(BeneficiaryService.Action.RETURN);
            }
            if (!d.status().next().isEmpty()) {
                may.add(BeneficiaryService.Action.CHANGE_STATUS);
            }
        }
        if (Guards.allows(READERS)) {
            may.add(BeneficiaryService.Action.REVEAL_NIK);
        }
        if (Guards.allows(DOCUMENT_UPLOADERS)) {
            may.add(BeneficiaryService.Action.UPLOAD_DOCUMENT);
        }
        return may;
    }

    /** With the list: the filters it may use and the buttons above it. */
    static Set<BeneficiaryService.ListCapability> ofList(boolean seesSensitive) {
        Set<BeneficiaryService.ListCapability> may = EnumSet.noneOf(BeneficiaryService.ListCapability.class);
        if (seesSensitive) {
            may.add(BeneficiaryService.ListCapability.FILTER_BY_CATEGORY);
            may.add(BeneficiaryService.ListCapability.FILTER_BY_REFERRAL);
        }
        if (Guards.allows(EXPORTERS)) {
            may.add(BeneficiaryService.ListCapability.EXPORT);
        }
        if (Guards.allows(REGISTRARS)) {
            may.add(BeneficiaryService.ListCapability.REGISTER);
        }
        return may;
    }
}
