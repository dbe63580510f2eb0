package id.berdaya.grants;

import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.proposal.ProposalService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The services and the Purbalingga and Pekalongan users of the handover tests (accounts named by {@link #prefix()}). */
@SpringBootTest(classes = GrantsTestApplication.class)
abstract class HandoverTestSupport {

    static final String PBG = HandoverServiceTest.PBG;
    static final String PKL = HandoverServiceTest.PKL;

    @Autowired HandoverService handovers;
    @Autowired ProposalService proposals;
    @Autowired GrantsFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;

    BerdayaUser operator;
    BerdayaUser head;
    BerdayaUser officer;
    BerdayaUser operatorPkl;
    BerdayaUser headPkl;

    /** The accounts' name prefix, e.g. {@code uji.foto}. */
    abstract String prefix();

    @BeforeEach
    void users() {
        operator = accounts.ensure(prefix() + ".op.pbg", Role.DISTRICT_OPERATOR, PBG);
        head = accounts.ensure(prefix() + ".head.pbg", Role.DISTRICT_HEAD, PBG);
        officer = accounts.ensure(prefix() + ".verif", Role.PROVINCE_OFFICER, null);
        operatorPkl = accounts.ensure(prefix() + ".op.pkl", Role.DISTRICT_OPERATOR, PKL);
        headPkl = accounts.ensure(prefix() + ".head.pkl", Role.DISTRICT_HEAD, PKL);
    }

    /** The audited actions on a record, newest first. */
    java.util.List<String> audited(GrantsEntity entity, long id) {
        return audit.history(entity.code(), String.valueOf(id), 50).stream().map(AuditEntry::action).toList();
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }
}
