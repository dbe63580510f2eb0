package id.berdaya.registry.synthetic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Under the {@code demo} profile, about {@value #PEOPLE} synthetic beneficiaries on the first
 * start, so that every screen has something to show: the list, the map, a few possible duplicates
 * for the provincial verifier and a few records with review flags. Once only: a later start finds
 * the demo rows and adds nothing.
 */
@Component
@Profile("demo")
@Order(30)
class DemoBeneficiaries implements ApplicationRunner {

    static final int PEOPLE = 2_000;
    static final long SEED = 20_260_101L;
    private static final Logger log = LoggerFactory.getLogger(DemoBeneficiaries.class);

    private final SyntheticRegister register;

    DemoBeneficiaries(SyntheticRegister register) {
        this.register = register;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (register.demoSeeded()) {
            return;
        }
        SyntheticRegister.Result r = register.generate(PEOPLE, SEED, SyntheticRegister.DEMO, 8, 0.015);
        log.info("Demo profile: {} synthetic beneficiaries added ({} possible duplicates) in {} ms", r.people(),
                r.duplicatePairs(), r.millis());
    }
}
