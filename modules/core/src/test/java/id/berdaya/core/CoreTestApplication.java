package id.berdaya.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core module's beans on the embedded MariaDB, for service tests (and reused by ui's tests). */
@SpringBootApplication
public class CoreTestApplication {
}
