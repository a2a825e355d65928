package io.leadhouse.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.leadhouse.account.SignedIn;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.metaads.MetaConnections;
import io.leadhouse.metaads.MetaPage;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.LeadhouseException;
import io.leadhouse.support.NotFoundException;
import io.leadhouse.support.UnauthorizedException;
import java.util.Map;
import java.util.Optional;

/**
 * The console's pages: setup while no organization exists, then sign-in and the dashboard. Every
 * form post must carry the session's CSRF token; a failed submit shows the page again with the
 * error and what was typed, secrets excepted; a successful one redirects (post/redirect/get).
 */
final class ConsolePageRoutes {
    private static final Map<String, String> NOTICES = Map.of(
            "setup", "Leadhouse is set up and you are signed in as its Owner.",
            "app-saved", "The Meta app is saved.",
            "page-connected", "The page is connected.",
            "page-disconnected", "The page is disconnected and its token deleted.");

    /** A signed-in Owner or Admin and the console session they use. */
    private record Caller(ConsoleSession session, User user) {}

    private final FirstRunSetup setup;
    private final AdminAccess access;
    private final ConsoleSessions sessions;
    private final MetaConnections meta;
    private final String webhookUrl;

    ConsolePageRoutes(FirstRunSetup setup, AdminAccess access, ConsoleSessions sessions, MetaConnections meta,
            String webhookUrl) {
        this.setup = setup;
        this.access = access;
        this.sessions = sessions;
        this.meta = meta;
        this.webhookUrl = webhookUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/admin", HttpStatus.SEE_OTHER));
        routes.get("/admin", this::showConsole);
        routes.post("/admin/setup", this::setUp);
        routes.post("/admin/sign-in", this::signIn);
        routes.post("/admin/sign-out", this::signOut);
        routes.post("/admin/meta/app", this::saveMetaApp);
        routes.post("/admin/meta/pages", this::connectPage);
        routes.get("/admin/meta/pages/{pageId}/disconnect", this::confirmDisconnect);
        routes.post("/admin/meta/pages/{pageId}/disconnect", this::disconnectPage);
    }

    private void showConsole(Context ctx) {
        ConsoleSession session = sessions.findOrStart(ctx);
        if (!setup.isDone()) {
            Html.send(ctx, 200, SetupPage.render(session, SetupPage.Form.EMPTY, Optional.empty()));
            return;
        }
        Optional<User> user = access.user(session);
        if (user.isEmpty()) {
            Html.send(ctx, 200, SignInPage.render(session, "", Optional.empty()));
            return;
        }
        DashboardPage.ConnectForm connect = Optional.ofNullable(ctx.queryParam("reconnect"))
                .flatMap(pageId -> meta.page(user.get().orgId(), pageId))
                .map(DashboardPage.ConnectForm::reconnect)
                .orElse(DashboardPage.ConnectForm.EMPTY);
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("done")).map(NOTICES::get);
        Caller caller = new Caller(session, user.get());
        Html.send(ctx, 200, dashboard(caller, connect, notice, Optional.empty(), Optional.empty()));
    }

    private void setUp(Context ctx) {
        ConsoleSession session = sessions.requireCsrf(ctx);
        if (setup.isDone()) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        SetupPage.Form form =
                new SetupPage.Form(field(ctx, "organization"), field(ctx, "fullName"), field(ctx, "email"));
        Secret password = Secret.of(field(ctx, "password"));
        try {
            if (!password.equals(Secret.of(field(ctx, "confirm")))) {
                throw new InvalidInputException("the two passwords differ; type the same password in both fields");
            }
            setup.run(form.organization(), form.fullName(), form.email(), password, ctx.ip());
            SignedIn signedIn = access.signIn(form.email(), password, ctx.ip());
            sessions.signIn(ctx, session, signedIn);
            ctx.redirect("/admin?done=setup", HttpStatus.SEE_OTHER);
        } catch (LeadhouseException e) {
            Html.send(ctx, clientStatus(e), SetupPage.render(session, form, Optional.of(e.getMessage())));
        }
    }

    private void signIn(Context ctx) {
        ConsoleSession session = sessions.requireCsrf(ctx);
        if (!setup.isDone()) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        String email = field(ctx, "email");
        try {
            SignedIn signedIn = access.signIn(email, Secret.of(field(ctx, "password")), ctx.ip());
            sessions.signIn(ctx, session, signedIn);
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (LeadhouseException e) {
            Html.send(ctx, clientStatus(e), SignInPage.render(session, email, Optional.of(e.getMessage())));
        }
    }

    private void signOut(Context ctx) {
        ConsoleSession session = sessions.requireCsrf(ctx);
        access.signOut(session.appToken());
        sessions.end(ctx, session);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void saveMetaApp(Context ctx) {
        Caller caller = postingAdmin(ctx);
        access.installAdministrator(caller.user());
        try {
            meta.configureApp(Secret.of(field(ctx, "appSecret")), Secret.of(field(ctx, "verifyToken")));
            ctx.redirect("/admin?done=app-saved#meta-app", HttpStatus.SEE_OTHER);
        } catch (LeadhouseException e) {
            Html.send(ctx, clientStatus(e), dashboard(caller, DashboardPage.ConnectForm.EMPTY, Optional.empty(),
                    Optional.of(e.getMessage()), Optional.empty()));
        }
    }

    private void connectPage(Context ctx) {
        Caller caller = postingAdmin(ctx);
        DashboardPage.ConnectForm form =
                new DashboardPage.ConnectForm(field(ctx, "pageId"), field(ctx, "name"), field(ctx, "formIds"));
        try {
            meta.connectPage(caller.user().orgId(), form.pageId(), form.name(), Secret.of(field(ctx, "accessToken")),
                    form.formIdList());
            ctx.redirect("/admin?done=page-connected#pages", HttpStatus.SEE_OTHER);
        } catch (LeadhouseException e) {
            Html.send(ctx, clientStatus(e), dashboard(caller, form, Optional.empty(), Optional.empty(),
                    Optional.of(e.getMessage())));
        }
    }

    private void confirmDisconnect(Context ctx) {
        ConsoleSession session = sessions.find(ctx).orElseThrow(ConsolePageRoutes::signInAgain);
        User user = access.user(session).orElseThrow(ConsolePageRoutes::signInAgain);
        String pageId = ctx.pathParam("pageId");
        MetaPage page = meta.page(user.orgId(), pageId).orElseThrow(
                () -> new NotFoundException("Meta page " + pageId + " is not connected to this organization"));
        Html.send(ctx, 200, DisconnectPage.render(session, user, page));
    }

    private void disconnectPage(Context ctx) {
        Caller caller = postingAdmin(ctx);
        meta.disconnectPage(caller.user().orgId(), ctx.pathParam("pageId"));
        ctx.redirect("/admin?done=page-disconnected#pages", HttpStatus.SEE_OTHER);
    }

    private String dashboard(Caller caller, DashboardPage.ConnectForm connect, Optional<String> notice,
            Optional<String> appError, Optional<String> connectError) {
        long orgId = caller.user().orgId();
        DashboardPage.View view = new DashboardPage.View(caller.user(), meta.appCredentials().isPresent(),
                access.mayConfigureInstall(caller.user()), webhookUrl,
                meta.pages(orgId), connect, notice, appError, connectError);
        return DashboardPage.render(caller.session(), view);
    }

    /** The Owner or Admin behind a form post with a valid CSRF token; otherwise back to sign-in. */
    private Caller postingAdmin(Context ctx) {
        ConsoleSession session = sessions.requireCsrf(ctx);
        User user = access.user(session).orElseThrow(ConsolePageRoutes::signInAgain);
        return new Caller(session, user);
    }

    private static UnauthorizedException signInAgain() {
        return new UnauthorizedException("the console session has ended; sign in again");
    }

    /** The status of a refused submit; failures of the server itself go on to the error handler. */
    private static int clientStatus(LeadhouseException error) {
        int status = ConsoleErrors.kindOf(error).status();
        if (status >= 500) {
            throw error;
        }
        return status;
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
