package in.gov.sangam.feedback;

/**
 * Where a citizen who rated a delivered service BAD asks for an appeal (grounds DEFICIENT_SERVICE): the appeal
 * subsystem implements it; feedback knows no more of appeals than this.
 */
public interface DeficientServiceAppeals {

    /** @return whether an appeal was filed now (false: the application has one on these grounds already) */
    boolean request(String applicationId, String serviceCode, String department, String district);
}
