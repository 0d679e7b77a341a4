package dev.patron.host.scoring;

import dev.patron.api.scoring.Model;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A scorer's {@link Model} as stored and served: {@code {"numbers":{}, "arrays":{}, "texts":{}}}. */
public final class ModelJson {

    private ModelJson() {
    }

    public static JsonObject toJson(Model model) {
        JsonObject numbers = new JsonObject();
        model.numbers().forEach(numbers::put);
        JsonObject arrays = new JsonObject();
        model.arrays().forEach((name, values) -> {
            JsonArray array = new JsonArray();
            for (double v : values) {
                array.add(v);
            }
            arrays.put(name, array);
        });
        JsonObject texts = new JsonObject();
        model.texts().forEach(texts::put);
        return new JsonObject().put("numbers", numbers).put("arrays", arrays).put("texts", texts);
    }

    public static Model fromJson(JsonObject json) {
        Model.Builder builder = Model.builder();
        JsonObject numbers = json.getJsonObject("numbers", new JsonObject());
        numbers.fieldNames().forEach(name -> builder.number(name, numbers.getDouble(name)));
        JsonObject arrays = json.getJsonObject("arrays", new JsonObject());
        arrays.fieldNames().forEach(name -> {
            JsonArray array = arrays.getJsonArray(name);
            double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.getDouble(i);
            }
            builder.array(name, values);
        });
        JsonObject texts = json.getJsonObject("texts", new JsonObject());
        texts.fieldNames().forEach(name -> builder.text(name, texts.getString(name)));
        return builder.build();
    }
}
