package io.retentioncenter.examples;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.inbound.MetaIngestReport;
import io.retentioncenter.core.internal.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Synthetic Meta lead-ads deliveries in the forwarder shape ({@code field_data[]} or flat), signed
 * with the app secret like Meta signs them. About 8 % repeat an earlier person, 15 % have no phone
 * and 5 % carry a broken email address.
 */
final class MetaTraffic {
    private static final String[] FIRST = {"Maria", "Lucia", "Pablo", "Javier", "Carmen", "Sofia", "Diego",
        "Elena", "Hugo", "Valeria", "Martin", "Paula"};
    private static final String[] LAST = {"Garcia", "Lopez", "Martinez", "Sanchez", "Perez", "Gomez", "Ruiz",
        "Diaz", "Moreno", "Alvarez"};

    private final Random random;
    private final String appSecret;
    private final List<String[]> people = new ArrayList<>();
    private int next;

    MetaTraffic(Random random, String appSecret) {
        this.random = random;
        this.appSecret = appSecret;
    }

    /** Posts {@code count} leads in deliveries of one to three changes; returns every delivery's report. */
    List<MetaIngestReport> post(RetentionEngine engine, int count) {
        List<MetaIngestReport> reports = new ArrayList<>();
        int sent = 0;
        while (sent < count) {
            int changes = Math.min(count - sent, 1 + random.nextInt(3));
            StringBuilder body = new StringBuilder("{\"object\":\"page\",\"entry\":[{\"id\":\"104857600123456\","
                    + "\"time\":1763993400,\"changes\":[");
            for (int i = 0; i < changes; i++) {
                body.append(i == 0 ? "" : ",").append(change(person()));
            }
            body.append("]}]}");
            byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
            reports.add(engine.inbound().meta(raw, Optional.of("sha256=" + Signatures.hmacSha256Hex(appSecret, raw))));
            sent += changes;
        }
        return reports;
    }

    private String[] person() {
        if (!people.isEmpty() && random.nextDouble() < 0.08) {
            return people.get(random.nextInt(people.size()));
        }
        int n = next++;
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String email = random.nextDouble() < 0.05 ? first.toLowerCase() + ".at.example.com"
                : first.toLowerCase() + "." + last.toLowerCase() + n + "@example.com";
        String phone = random.nextDouble() < 0.15 ? "" : String.format("+34 6%02d %03d %03d", n % 100, n / 100 % 1000,
                random.nextInt(1000));
        String[] p = {String.valueOf(1_000_000_000_000_000L + n), first, last, email, phone};
        people.add(p);
        return p;
    }

    private String change(String[] p) {
        String common = "\"leadgen_id\":\"" + p[0] + "\",\"page_id\":\"104857600123456\",\"form_id\":\"987654321098765\","
                + "\"created_time\":1763993395";
        if (random.nextBoolean()) {
            return "{\"field\":\"leadgen\",\"value\":{" + common + ",\"first_name\":\"" + p[1] + "\",\"last_name\":\""
                    + p[2] + "\",\"email\":\"" + p[3] + "\"" + (p[4].isEmpty() ? "" : ",\"phone_number\":\"" + p[4] + "\"")
                    + "}}";
        }
        return "{\"field\":\"leadgen\",\"value\":{" + common + ",\"field_data\":["
                + "{\"name\":\"full_name\",\"values\":[\"" + p[1] + " " + p[2] + "\"]},"
                + "{\"name\":\"email\",\"values\":[\"" + p[3] + "\"]}"
                + (p[4].isEmpty() ? "" : ",{\"name\":\"phone_number\",\"values\":[\"" + p[4] + "\"]}") + "]}}";
    }
}
