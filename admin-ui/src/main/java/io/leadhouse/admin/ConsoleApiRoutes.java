package io.leadhouse.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.leadhouse.account.SignedIn;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.metaads.MetaConnections;
import io.leadhouse.metaads.MetaPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/api}: everything the console's pages do, as JSON for scripts. Sign in with
 * {@code POST /admin/api/login}, then send {@code Authorization: Bearer <token>}. Bodies must be
 * {@code application/json}, which browsers cannot send across sites without permission.
 */
final class ConsoleApiRoutes {
    private final FirstRunSetup setup;
    private final AdminAccess access;
    private final MetaConnections meta;
    private final String webhookUrl;

    ConsoleApiRoutes(FirstRunSetup setup, AdminAccess access, MetaConnections meta, String webhookUrl) {
        this.setup = setup;
        this.access = access;
        this.meta = meta;
        this.webhookUrl = webhookUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/api/health", ctx -> ConsoleJson.send(ctx, 200, Map.of("status", "UP")));
        routes.get("/admin/api/setup", ctx -> ConsoleJson.send(ctx, 200, Map.of("setUp", setup.isDone())));
        routes.post("/admin/api/setup", this::setUp);
        routes.post("/admin/api/login", this::logIn);
        routes.post("/admin/api/logout", this::logOut);
        routes.get("/admin/api/meta/app", this::getMetaApp);
        routes.put("/admin/api/meta/app", this::configureMetaApp);
        routes.get("/admin/api/meta/pages", this::listPages);
        routes.post("/admin/api/meta/pages", this::connectPage);
        routes.delete("/admin/api/meta/pages/{pageId}", this::disconnectPage);
    }

    private void setUp(Context ctx) {
        JsonNode body = ConsoleJson.object(ctx, "{\"organization\":\"Acme\",\"fullName\":\"Asha Rao\","
                + "\"email\":\"asha@acme.example\",\"password\":\"...\"}");
        User owner = setup.run(ConsoleJson.text(body, "organization"), ConsoleJson.text(body, "fullName"),
                ConsoleJson.text(body, "email"), Secret.of(ConsoleJson.text(body, "password")), ctx.ip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orgId", owner.orgId());
        answer.put("owner", describe(owner));
        ConsoleJson.send(ctx, 201, answer);
    }

    private void logIn(Context ctx) {
        JsonNode body = ConsoleJson.object(ctx, "{\"email\":\"asha@acme.example\",\"password\":\"...\"}");
        Secret password = Secret.of(ConsoleJson.text(body, "password"));
        SignedIn signedIn = access.signIn(ConsoleJson.text(body, "email"), password, ctx.ip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", signedIn.token().reveal());
        answer.put("tokenType", "Bearer");
        answer.put("expiresAt", signedIn.expiresAt().toString());
        answer.put("user", describe(signedIn.user()));
        ConsoleJson.send(ctx, 200, answer);
    }

    private void logOut(Context ctx) {
        AdminAccess.bearerToken(ctx).ifPresent(access::signOut);
        ctx.status(204);
    }

    private void getMetaApp(Context ctx) {
        access.bearer(ctx);
        ConsoleJson.send(ctx, 200, metaApp());
    }

    private void configureMetaApp(Context ctx) {
        access.installAdministrator(access.bearer(ctx));
        JsonNode body = ConsoleJson.object(ctx, "{\"appSecret\":\"...\",\"verifyToken\":\"...\"}");
        meta.configureApp(
                Secret.of(ConsoleJson.text(body, "appSecret")), Secret.of(ConsoleJson.text(body, "verifyToken")));
        ConsoleJson.send(ctx, 200, metaApp());
    }

    private void listPages(Context ctx) {
        User user = access.bearer(ctx);
        List<Map<String, Object>> items = meta.pages(user.orgId()).stream().map(ConsoleApiRoutes::describe).toList();
        ConsoleJson.send(ctx, 200, Map.of("items", items));
    }

    private void connectPage(Context ctx) {
        User user = access.bearer(ctx);
        JsonNode body = ConsoleJson.object(ctx,
                "{\"pageId\":\"1234567890\",\"name\":\"Acme\",\"accessToken\":\"...\",\"formIds\":[\"555\"]}");
        String pageId = ConsoleJson.text(body, "pageId");
        boolean known = meta.page(user.orgId(), pageId.strip()).isPresent();
        MetaPage page = meta.connectPage(user.orgId(), pageId, ConsoleJson.text(body, "name"),
                Secret.of(ConsoleJson.text(body, "accessToken")), ConsoleJson.ids(body, "formIds"));
        ConsoleJson.send(ctx, known ? 200 : 201, describe(page));
    }

    private void disconnectPage(Context ctx) {
        User user = access.bearer(ctx);
        meta.disconnectPage(user.orgId(), ctx.pathParam("pageId"));
        ctx.status(204);
    }

    private Map<String, Object> metaApp() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("configured", meta.appCredentials().isPresent());
        answer.put("webhookUrl", webhookUrl);
        return answer;
    }

    private static Map<String, Object> describe(User user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("email", user.email());
        json.put("fullName", user.fullName());
        json.put("role", user.role().label());
        return json;
    }

    private static Map<String, Object> describe(MetaPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pageId", page.pageId());
        json.put("name", page.name());
        json.put("status", page.status());
        json.put("statusDetail", page.statusDetail());
        json.put("formIds", page.formIds());
        json.put("updatedAt", page.updatedAt().toString());
        return json;
    }
}
