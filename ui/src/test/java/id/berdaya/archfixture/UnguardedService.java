package id.berdaya.archfixture;

import org.springframework.stereotype.Service;

/** Deliberately broken (architecture test fixture): a public service method without @PreAuthorize. */
@Service
public class UnguardedService {
    public String secrets() {
        return "none";
    }
}
