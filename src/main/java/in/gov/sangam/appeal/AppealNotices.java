package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.OfficeContact;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.notices.Notice;
import in.gov.sangam.notices.Notices;
import in.gov.sangam.time.HubTimeZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is told what of an appeal, in the transaction of what it announces (notices are requested with
 * {@link Notices#request}, which joins it): the designated officer is warned before the deadline (e-mail, and SMS to
 * an office with a mobile number); when an appeal is filed, the citizen (SMS, in their language) and the authority
 * (e-mail); when it moves to the second authority, the citizen and the second authority as for a filing, and the first
 * authority (e-mail); when it is decided, the citizen (SMS) and the designated officer (e-mail, with the directions,
 * penalty and compensation). Each notice has a key of its own, so a sweep or an event that comes again tells nobody
 * twice. Whoever cannot be told (a citizen without a number, a title without a contact) is logged, and the appeal goes
 * on without the notice.
 */
@Component
public class AppealNotices {

    private static final Logger LOG = LoggerFactory.getLogger(AppealNotices.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm 'IST'");

    private final Notices notices;
    private final Applicants applicants;
    private final Catalogue catalogue;
    private final AppealNoticeTexts texts;
    private final HubTimeZone timeZone;

    AppealNotices(Notices notices, Applicants applicants, Catalogue catalogue, AppealNoticeTexts texts,
            HubTimeZone timeZone) {
        this.notices = notices;
        this.applicants = applicants;
        this.catalogue = catalogue;
        this.texts = texts;
        this.timeZone = timeZone;
    }

    /** @return whether the officer's warning was requested now (not before) */
    boolean warned(PsgaDeadlines.Warning warning, CatalogueService service) {
        String id = warning.applicationId();
        Map<String, String> values = new HashMap<>();
        values.put("applicationId", id);
        values.put("district", warning.district());
        values.put("acknowledgedAt", time(warning.acknowledgedAt()));
        values.put("dueBy", time(warning.dueBy()));
        values.put("date", date(warning.dueBy()));
        putService(values, service);
        Optional<OfficeContact> office = office(service.department(), service.designatedOfficer(), warning.district(),
                id);
        if (office.isEmpty()) {
            return false;
        }
        AppealNoticeTexts.Email email = texts.email("warning", values);
        boolean requested = request(id, () -> Notice.email("application:" + id + ":warning:officer",
                office.get().email(), "en", email.subject(), email.body(), id));
        if (office.get().mobile() != null) {
            AppealNoticeTexts.Sms sms = texts.officerSms("warning", values);
            requested |= request(id, () -> Notice.sms("application:" + id + ":warning:officer:sms",
                    office.get().mobile(), sms.language(), sms.text(), sms.dltTemplateId(), id));
        }
        return requested;
    }

    /** A first appeal filed, or a second one moved on from the first: the citizen and its authority. */
    void filed(Appeal appeal) {
        Map<String, String> values = valuesOf(appeal);
        tellCitizen(appeal, appeal.level() == 1 ? "appeal-filed" : "appeal-escalated", "filed", values);
        tellOffice(appeal, appeal.authority(), "appeal-filed", "filed:authority", values);
    }

    /** The first authority did not decide in time: the second is told as of any filing, and the first that it moved. */
    void escalated(Appeal first, Appeal second) {
        filed(second);
        Map<String, String> values = valuesOf(first);
        values.put("secondAppealId", second.appealId());
        values.put("secondAuthority", second.authority());
        values.put("secondDecideBy", time(second.decideBy()));
        tellOffice(first, first.authority(), "appeal-moved", "moved:authority", values);
    }

    /** The citizen, and the designated officer with what was ordered. */
    void decided(Appeal appeal) {
        Map<String, String> values = valuesOf(appeal);
        values.put("outcome", appeal.outcome());
        values.put("directions", appeal.directions());
        values.put("penalty", amount(appeal.penaltyAmount()));
        values.put("compensation", amount(appeal.compensationAmount()));
        values.put("decidedAt", time(appeal.decidedAt()));
        values.put("decidedBy", appeal.decidedBy());
        tellCitizen(appeal, "ALLOWED".equals(appeal.outcome()) ? "appeal-allowed" : "appeal-dismissed", "decided",
                values);
        catalogue.service(appeal.serviceCode()).ifPresentOrElse(
                service -> tellOffice(appeal, service.designatedOfficer(), "appeal-decided", "decided:officer", values),
                () -> ApplicationLog.info(LOG, appeal.applicationId(), "Appeal {} is decided, but its service {} is no "
                        + "longer in the catalogue: its designated officer is not told", appeal.appealId(),
                        appeal.serviceCode()));
    }

    private void tellCitizen(Appeal appeal, String kind, String event, Map<String, String> values) {
        String id = appeal.applicationId();
        Optional<Applicants.Applicant> applicant = applicants.of(id);
        if (applicant.isEmpty() || applicant.get().mobile() == null || applicant.get().mobile().isBlank()) {
            ApplicationLog.info(LOG, id, "The applicant has no mobile number: not told by SMS that appeal {} is {}",
                    appeal.appealId(), event);
            return;
        }
        AppealNoticeTexts.Sms sms = texts.citizenSms(kind, applicant.get().language(), values);
        request(id, () -> Notice.sms("appeal:" + appeal.appealId() + ":" + event + ":citizen",
                applicant.get().mobile(), sms.language(), sms.text(), sms.dltTemplateId(), id));
    }

    private void tellOffice(Appeal appeal, String title, String kind, String event, Map<String, String> values) {
        office(appeal.department(), title, appeal.district(), appeal.applicationId()).ifPresent(office -> {
            AppealNoticeTexts.Email email = texts.email(kind, values);
            request(appeal.applicationId(), () -> Notice.email("appeal:" + appeal.appealId() + ":" + event,
                    office.email(), "en", email.subject(), email.body(), appeal.applicationId()));
        });
    }

    /** The office of the title that serves the district, or nobody (logged: the catalogue reloaded without it). */
    private Optional<OfficeContact> office(String department, String title, String district, String applicationId) {
        Optional<OfficeContact> office = catalogue.department(department).flatMap(d -> d.contact(title, district));
        if (office.isEmpty()) {
            ApplicationLog.info(LOG, applicationId, "The {} department names no contact for '{}': not told",
                    department, title);
        }
        return office;
    }

    /** A notice that could never be sent (a number no phone has) is logged, masked, and not requested. */
    private boolean request(String applicationId, Supplier<Notice> notice) {
        Notice made;
        try {
            made = notice.get();
        } catch (IllegalArgumentException cannotBeSent) {
            ApplicationLog.info(LOG, applicationId, "{}: not sent", cannotBeSent.getMessage());
            return false;
        }
        return notices.request(made);
    }

    private Map<String, String> valuesOf(Appeal appeal) {
        Map<String, String> values = new HashMap<>();
        values.put("applicationId", appeal.applicationId());
        values.put("appealId", appeal.appealId());
        values.put("district", appeal.district());
        values.put("authority", appeal.authority());
        values.put("level", String.valueOf(appeal.level()));
        values.put("grounds", appeal.grounds());
        values.put("dueBy", time(appeal.dueBy()));
        values.put("filedAt", time(appeal.filedAt()));
        values.put("decideBy", time(appeal.decideBy()));
        values.put("date", date(appeal.decideBy()));
        values.put("serviceCode", appeal.serviceCode());
        values.put("department", catalogue.department(appeal.department()).map(CatalogueDepartment::name)
                .orElse(appeal.department()));
        catalogue.service(appeal.serviceCode()).ifPresent(service -> putService(values, service));
        return values;
    }

    private void putService(Map<String, String> values, CatalogueService service) {
        values.put("service", service.name());
        values.put("serviceCode", service.code());
        values.put("officer", service.designatedOfficer());
        values.put("department", catalogue.department(service.department()).map(CatalogueDepartment::name)
                .orElse(service.department()));
    }

    private String date(Instant instant) {
        return instant == null ? null : timeZone.local(instant).format(DATE);
    }

    private String time(Instant instant) {
        return instant == null ? null : timeZone.local(instant).format(TIME);
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
