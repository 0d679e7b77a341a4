package dev.patron.plugin.clv;

import dev.patron.api.scoring.Model;
import io.vertx.core.json.JsonObject;

/**
 * The host's own JSON form of a model ({@code dev.patron.host.scoring.ModelJson}, on the test
 * class path through the testkit), so tests read back exactly what the host writes to
 * {@code scoring_models}.
 */
final class ModelJsonForTests {

    private ModelJsonForTests() {
    }

    static String toJson(Model model) {
        JsonObject json = dev.patron.host.scoring.ModelJson.toJson(model);
        return json.encode();
    }
}
