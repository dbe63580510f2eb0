package id.berdaya.grants.decree;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.grants.GrantsAction;
import id.berdaya.grants.GrantsEntity;
import id.berdaya.grants.GrantsRoles;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attachment to the decree (lampiran SK) of a kabupaten/kota and budget year: the recipients
 * the province approved (approved by the province or already handed over), by name, with their
 * desa/kelurahan, business type and value, and the total; as PDF and XLSX. It never holds a NIK or
 * a category. A district user gets only their own district (another is "not found", the attempt
 * audited); province roles any. Each export is audited.
 */
@Service
@Transactional(readOnly = true)
public class DecreeService {

    /** The file formats of the attachment. */
    public enum Format { PDF, XLSX }

    private final ProposalService proposals;
    private final BeneficiaryService register;
    private final RegionService regions;
    private final AuditLog audit;

    DecreeService(ProposalService proposals, BeneficiaryService register, RegionService regions, AuditLog audit) {
        this.proposals = proposals;
        this.register = register;
        this.regions = regions;
        this.audit = audit;
    }

    /** The attachment's content: the district's recipients of the year, by name, numbered. */
    @PreAuthorize(GrantsRoles.READERS)
    public DecreeAttachment attachment(String kabkotaCode, int budgetYear) {
        List<Proposal> approved = proposals.recipients(kabkotaCode, budgetYear);
        Map<Long, String> desaCodes = register.desaCodes(approved.stream().map(Proposal::beneficiaryId).toList());
        Map<String, String> desaNames = desaNames(desaCodes.values());
        List<DecreeRecipient> lines = new ArrayList<>(approved.size());
        for (Proposal p : approved) {
            String desa = desaNames.getOrDefault(desaCodes.get(p.beneficiaryId()), "");
            lines.add(new DecreeRecipient(lines.size() + 1, p.id(), p.beneficiaryName(), desa, p.businessType(), p.total()));
        }
        String name = regions.kabkota(kabkotaCode).map(Kabkota::displayName).orElse(kabkotaCode);
        return new DecreeAttachment(kabkotaCode, name, budgetYear, lines);
    }

    /**
     * Writes the attachment as PDF (an Indonesian document: the caller gives the business types'
     * Indonesian labels) and audits the export; answers the number of recipients.
     */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional
    public int pdf(String kabkotaCode, int budgetYear, Map<BusinessType, String> typeLabels, OutputStream out) {
        DecreeAttachment a = attachment(kabkotaCode, budgetYear);
        DecreePdf.render(a, typeLabels, out);
        audited(a, Format.PDF);
        return a.recipients().size();
    }

    /**
     * Writes the attachment as XLSX in the caller's sheet (headers No, Nama, Desa/Kelurahan, Jenis
     * Usaha, Nilai in the user's language), the values as "Rp 2.500.000", with a total row labelled
     * {@code totalLabel}; audits the export and answers the number of recipients.
     */
    @PreAuthorize(GrantsRoles.READERS)
    @Transactional
    public int xlsx(String kabkotaCode, int budgetYear, XlsxSheet sheet, String totalLabel, Map<BusinessType, String> typeLabels,
                    OutputStream out) {
        DecreeAttachment a = attachment(kabkotaCode, budgetYear);
        try (XlsxExport x = new XlsxExport(out, sheet)) {
            for (DecreeRecipient r : a.recipients()) {
                x.row(r.no(), r.name(), r.desa(), typeLabels.getOrDefault(r.businessType(), r.businessType().name()),
                        IndonesianFormat.money(r.value()));
            }
            x.row(null, totalLabel, null, null, IndonesianFormat.money(a.total()));
        }
        audited(a, Format.XLSX);
        return a.recipients().size();
    }

    private void audited(DecreeAttachment a, Format format) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("budgetYear", a.budgetYear());
        after.put("format", format);
        after.put("rows", a.recipients().size());
        after.put("total", a.total());
        audit.record(AuditEvent.of(GrantsAction.GRANTS_DECREE_ATTACHMENT_EXPORTED).entity(GrantsEntity.GRANTS_PROPOSAL, null)
                .district(a.kabkotaCode()).after(after));
    }

    /** The names of these desa/kelurahan by code, read per kecamatan (the first eight characters of a desa's code). */
    private Map<String, String> desaNames(Iterable<String> codes) {
        Map<String, String> names = new HashMap<>();
        for (String code : codes) {
            if (code != null && !names.containsKey(code)) {
                for (Desa d : regions.desa(code.substring(0, 8))) {
                    names.put(d.code(), d.name());
                }
            }
        }
        return names;
    }
}
