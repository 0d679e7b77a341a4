package dev.patron.host.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.support.TypeBasedParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * A test of the store contract: it runs once on SQLite and once on PostgreSQL. The test, and its
 * {@code @BeforeEach} and {@code @AfterEach} methods, may take the {@link ScratchDatabase.Kind} of
 * the run as a parameter (to open a {@link ScratchDatabase} of that kind).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothStores.Runs.class)
public @interface BothStores {

    /** One run per store kind, each passing its kind to the methods that ask for it. */
    final class Runs implements TestTemplateInvocationContextProvider {

        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of(ScratchDatabase.Kind.values()).map(Runs::on);
        }

        private static TestTemplateInvocationContext on(ScratchDatabase.Kind kind) {
            return new TestTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return "on " + kind;
                }

                @Override
                public List<Extension> getAdditionalExtensions() {
                    return List.of(new TypeBasedParameterResolver<ScratchDatabase.Kind>() {
                        @Override
                        public ScratchDatabase.Kind resolveParameter(ParameterContext parameter, ExtensionContext extension) {
                            return kind;
                        }
                    });
                }
            };
        }
    }
}
