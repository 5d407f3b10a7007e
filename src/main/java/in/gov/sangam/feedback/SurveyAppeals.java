package in.gov.sangam.feedback;

import org.springframework.stereotype.Component;

/**
 * A citizen who rated a delivered service BAD may ask for an appeal against it (grounds DEFICIENT_SERVICE), by
 * replying APPEAL or from the survey's page; the appeal subsystem files it, once.
 */
@Component
public class SurveyAppeals {

    private final DeficientServiceAppeals appeals;

    public SurveyAppeals(DeficientServiceAppeals appeals) {
        this.appeals = appeals;
    }

    /** Whether this survey allows an appeal: a delivered service, rated BAD. */
    public static boolean allows(Survey survey) {
        return survey.rating() == Rating.BAD && "DELIVERED".equals(survey.outcome());
    }

    /**
     * @return whether an appeal was filed now
     * @throws IllegalArgumentException for a survey that allows none
     */
    public boolean requestFor(Survey survey) {
        if (!allows(survey)) {
            throw new IllegalArgumentException("Only a delivered service rated bad can be appealed from its survey");
        }
        return appeals.request(survey.applicationId(), survey.serviceCode(), survey.department(), survey.district());
    }
}
