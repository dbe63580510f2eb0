package id.berdaya.training.partner;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.UserAccount;
import id.berdaya.core.user.UserFilter;
import id.berdaya.core.user.UserService;
import id.berdaya.training.TrainingAction;
import id.berdaya.training.TrainingEntity;
import id.berdaya.training.TrainingRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partner agencies (mitra) and their cooperation agreements, kept by the province; and the one
 * agency each PARTNER account belongs to (the link lives here, so core knows nothing of agencies).
 */
@Service
@Transactional
public class PartnerService {

    /** The largest signed agreement accepted. */
    public static final int MAX_MOU_BYTES = 5 * 1024 * 1024;

    private final PartnerRepository partners;
    private final UserService users;
    private final AuditLog audit;

    PartnerService(PartnerRepository partners, UserService users, AuditLog audit) {
        this.partners = partners;
        this.users = users;
        this.audit = audit;
    }

    /** Every agency, by name. */
    @PreAuthorize(TrainingRoles.STAFF)
    @Transactional(readOnly = true)
    public List<Partner> list() {
        return partners.all();
    }

    /** One agency (staff; a PARTNER user only its own). */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Partner> get(long id) {
        BerdayaUser u = CurrentUser.require();
        if (u.role() == Role.PARTNER && !Optional.of(id).equals(partners.partnerOf(u.id()))) {
            return Optional.empty();
        }
        return partners.find(id);
    }

    @PreAuthorize(TrainingRoles.PARTNER_ADMINS)
    public Partner create(NewPartner n) {
        check(n, 0);
        Partner p = partners.insert(n);
        audit.record(AuditEvent.of(TrainingAction.PARTNER_CREATED).entity(TrainingEntity.PARTNER, p.id())
                .district(p.kabkotaCode()).after(n));
        return p;
    }

    @PreAuthorize(TrainingRoles.PARTNER_ADMINS)
    public Partner update(long id, NewPartner n, int version) {
        Partner before = partners.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        check(n, id);
        Partner after = partners.update(id, n, version);
        audit.record(AuditEvent.of(TrainingAction.PARTNER_UPDATED).entity(TrainingEntity.PARTNER, id)
                .district(after.kabkotaCode()).before(before).after(n));
        return after;
    }

    /** Stores the signed agreement: a PDF by its content, at most {@link #MAX_MOU_BYTES}, with its checksum. */
    @PreAuthorize(TrainingRoles.PARTNER_ADMINS)
    public Partner uploadMou(long id, String fileName, byte[] content) {
        partners.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "training.partner.mouEmpty");
        }
        if (content.length > MAX_MOU_BYTES) {
            throw new RuleViolation("file", "training.partner.mouTooLarge", MAX_MOU_BYTES / (1024 * 1024));
        }
        if (!isPdf(content)) {
            throw new RuleViolation("file", "training.partner.mouNotPdf");
        }
        String sha256 = sha256(content);
        String name = fileName == null ? "mou" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_")
                .replaceAll("\\.[^.]*$", "");
        name = (name.isBlank() ? "mou" : name.length() > 150 ? name.substring(0, 150) : name) + ".pdf";
        Partner p = partners.storeMou(id, name, sha256, content);
        audit.record(AuditEvent.of(TrainingAction.PARTNER_MOU_UPLOADED).entity(TrainingEntity.PARTNER, id)
                .district(p.kabkotaCode()).after(Map.of("sha256", sha256, "bytes", content.length)));
        return p;
    }

    /** The signed agreement; each download is audited. */
    @PreAuthorize(TrainingRoles.STAFF)
    public MouFile downloadMou(long id) {
        Partner p = partners.find(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        MouFile file = partners.mou(id).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        audit.record(AuditEvent.of(TrainingAction.PARTNER_MOU_DOWNLOADED).entity(TrainingEntity.PARTNER, id)
                .district(p.kabkotaCode()).after(Map.of("sha256", p.mouSha256())));
        return file;
    }

    /**
     * Makes a PARTNER account a user of this agency (user administration). An agency of one
     * kabupaten/kota takes only accounts of that kabupaten/kota.
     */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    public void assignUser(long userId, long partnerId) {
        UserAccount user = users.get(userId).orElseThrow(() -> new RuleViolation(null, "error.notFound"));
        Partner p = partners.find(partnerId).orElseThrow(() -> new RuleViolation("partner", "error.notFound"));
        if (user.role() != Role.PARTNER) {
            throw new RuleViolation("partner", "training.partner.userNotPartner");
        }
        if (p.kabkotaCode() != null && !p.kabkotaCode().equals(user.kabkotaCode())) {
            throw new RuleViolation("partner", "training.partner.userOtherDistrict");
        }
        Optional<Long> before = partners.partnerOf(userId);
        partners.assign(userId, partnerId);
        audit.record(AuditEvent.of(TrainingAction.PARTNER_USER_ASSIGNED).entity(TrainingEntity.PARTNER, partnerId)
                .district(user.kabkotaCode()).before(before.map(b -> Map.of("partner", b)).orElse(null))
                .after(Map.of("user", userId, "partner", partnerId)));
    }

    /** Whether the current user may link accounts to agencies (user administration): the screen shows that part from this. */
    @PreAuthorize(TrainingRoles.PARTNER_ADMINS)
    public boolean mayAssignUsers() {
        return CurrentUser.require().role() == Role.PROVINCE_ADMIN;
    }

    /**
     * The active PARTNER accounts that may be linked to this agency (of its kabupaten/kota, or any
     * for a province-wide agency), at most 500: the screen offers these, so it knows no roles.
     */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> assignableAccounts(Partner partner) {
        return users.page(new UserFilter(null, Role.PARTNER, partner.kabkotaCode(), true), 0, 500);
    }

    /** The agency of a user account, if it is a PARTNER account linked to one. */
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<Long> partnerOfUser(long userId) {
        return partners.partnerOf(userId);
    }

    /** The user ids of an agency's accounts. */
    @PreAuthorize(TrainingRoles.PARTNER_ADMINS)
    @Transactional(readOnly = true)
    public List<Long> usersOf(long partnerId) {
        return partners.usersOf(partnerId);
    }

    /**
     * The agency the current user acts for: empty for staff; for a PARTNER user its agency, and a
     * PARTNER account linked to none acts for no agency at all (it sees nothing).
     */
    @PreAuthorize(TrainingRoles.READERS)
    @Transactional(readOnly = true)
    public PartnerScope currentScope() {
        BerdayaUser u = CurrentUser.require();
        if (u.role() != Role.PARTNER) {
            return PartnerScope.STAFF;
        }
        return new PartnerScope(true, partners.partnerOf(u.id()).orElse(-1L));
    }

    private void check(NewPartner n, long exceptId) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (n.name() == null || n.name().isBlank()) {
            problems.add(new RuleViolation.Problem("name", "training.partner.nameRequired"));
        } else if (partners.nameTaken(n.name().trim(), exceptId)) {
            problems.add(new RuleViolation.Problem("name", "training.partner.nameTaken"));
        }
        if (n.type() == null) {
            problems.add(new RuleViolation.Problem("type", "training.partner.typeRequired"));
        }
        if (n.mouDate() != null && n.mouValidUntil() != null && n.mouValidUntil().isBefore(n.mouDate())) {
            problems.add(new RuleViolation.Problem("mouValidUntil", "training.partner.mouDates"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
    }

    private static boolean isPdf(byte[] b) {
        return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
