"""localstripe, made fit for the real `stripe` library and a real browser in tests.

localstripe (PyPI) is a stateful fake of the Stripe API. This module runs it on
127.0.0.1 and fills the gaps listed in shared/notes/localstripe.md:

- its store is no longer pickled to /tmp/localstripe.pickle after every write
  (nor reloaded from there), so nothing is shared between runs or processes;
- its Stripe.js stand-in gets a working ``confirmCardPayment(clientSecret,
  {payment_method: {card: cardElement, billing_details}})``: the card typed into
  the Element's five inputs is posted to two routes added here, which check the
  client secret, create the PaymentMethod and confirm the PaymentIntent with
  localstripe's own code, so webhooks fire and 3-D Secure behaves as localstripe
  decides. The promise resolves as Stripe.js's does: ``{paymentIntent}`` once
  paid (or ``requires_capture``), ``{error: {type, code, message,
  payment_intent}}`` otherwise (``card_error`` / ``card_declined`` for
  4000000000000341, ``payment_intent_authentication_failure`` when the fake
  3-D Secure box is failed).

Use, in a test or fixture (the harness sets no Django setting itself)::

    settings.STRIPE_SECRET_KEY = "sk_test_local"  # any key "sk_" + 3 or more characters
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_local"  # never checked
    settings.STRIPE_API_BASE = localstripe.base_url
    settings.STRIPE_JS_URL = localstripe.js_url

Fixtures: ``localstripe`` (session: one server for the run) and
``localstripe_clean`` (per test: empty store, no webhook, no pending delivery).
Pull them in with ``pytest_plugins = ["tests.localstripe_harness"]``.

Facts worth knowing when writing tests against it:

- Webhooks are delivered once, about 1 s after the change, never retried;
  their signatures verify with ``stripe.Webhook.construct_event``.
- The server runs in a daemon thread with its own asyncio loop; all of
  localstripe's state is touched on that loop only (helpers go through HTTP or
  ``run_coroutine_threadsafe``). Its store is process-wide: one server at a
  time per process.
- Pages must call ``Stripe(pk)`` (``new Stripe(pk)`` works too with this
  harness) and must not have an ``<iframe>`` without a ``name`` before the
  script tag: localstripe's script crashes on it.

``python -m tests.localstripe_harness --port 8420`` runs the same server in the
foreground on 127.0.0.1, for demos.
"""

import argparse
import asyncio
import json
import logging
import re
import socket
import threading
import urllib.request
import warnings

import pytest
from aiohttp import web
from localstripe import resources, webhooks
from localstripe.errors import UserError

JS_PATH = "/js.stripe.com/v3/"
# The routes behind confirmCardPayment. Under the Stripe.js path on purpose:
# localstripe asks no API key there, and they authenticate as Stripe.js does,
# with the PaymentIntent's client secret.
CONFIRM_PATH = JS_PATH + "_harness/confirm"
AUTHENTICATE_PATH = JS_PATH + "_harness/authenticate"

# Appended to localstripe's Stripe.js stand-in. It reuses that script's
# top-level names: `Stripe`, `Element` (the card Element class), `openModal`
# (its 3-D Secure box) and `LOCALSTRIPE_BASE_API`.
STRIPE_JS_EXTENSION = """
/* tests/localstripe_harness.py: confirmCardPayment pays with the typed card. */
(() => {
  const localStripe = Stripe;
  const base = LOCALSTRIPE_BASE_API;

  // No Content-Type header: a "simple" cross-origin request, which needs no
  // CORS preflight (localstripe answers no OPTIONS request).
  async function post(path, payload) {
    try {
      const response = await fetch(base + path, {method: 'POST', body: JSON.stringify(payload)});
      return await response.json();
    } catch (err) {
      return {error: {type: 'api_connection_error', message: String(err)}};
    }
  }

  async function confirmCardPayment(clientSecret, data) {
    const method = (data && data.payment_method) || {};
    const element = method.card;
    if (!(element instanceof Element) || !element._inputs) {
      // Stripe.js throws an IntegrationError for calls it cannot serve.
      throw new Error('localstripe harness: confirmCardPayment needs ' +
                      '{payment_method: {card: <a mounted card Element>}}.');
    }
    const inputs = element._inputs;
    const billing = {...(method.billing_details || {})};
    if (inputs.postal_code.value) {
      billing.address = {postal_code: inputs.postal_code.value, ...(billing.address || {})};
    }
    let result = await post('__CONFIRM_PATH__', {
      client_secret: clientSecret,
      card: {
        number: inputs.number.value.replace(/\\s+/g, ''),
        exp_month: inputs.exp_month.value,
        exp_year: inputs.exp_year.value,
        cvc: inputs.cvc.value,
      },
      billing_details: billing,
    });
    if (result.paymentIntent && result.paymentIntent.status === 'requires_action') {
      const success = await openModal('3D Secure\\nDo you want to confirm or cancel?',
                                      'Complete authentication', 'Fail authentication');
      result = await post('__AUTHENTICATE_PATH__', {client_secret: clientSecret, success});
    }
    return result;
  }

  // A plain function, so that `new Stripe(pk)` works as well as `Stripe(pk)`.
  Stripe = function (apiKey, options) {
    const stripe = localStripe(apiKey, options);
    stripe.confirmCardPayment = confirmCardPayment;
    return stripe;
  };
})();
""".replace("__CONFIRM_PATH__", CONFIRM_PATH).replace("__AUTHENTICATE_PATH__", AUTHENTICATE_PATH)


# localstripe pickles its whole store to /tmp/localstripe.pickle after every
# write and reloads it at start, with no setting to stop it. Neutralise both
# before its server module is imported: tests share nothing through that file.
resources.Store.dump_to_disk = lambda self: None
resources.Store.try_load_from_disk = lambda self: None

# Webhook deliveries still waiting (they wait ~1 s), so that a flush can cancel
# them: an event of the previous test must not reach the next test's endpoint.
_deliveries: set[asyncio.Future] = set()


def _schedule_webhook(event):
    delivery = asyncio.ensure_future(webhooks._send_webhook(event))
    _deliveries.add(delivery)
    delivery.add_done_callback(_deliveries.discard)


resources.schedule_webhook = _schedule_webhook  # the name its resources call

# After the patches above. Its plain-function handlers make aiohttp warn at import: not ours to fix.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Bare functions are deprecated", DeprecationWarning)
    from localstripe import server

# --- the routes behind confirmCardPayment (run on the server's loop) ---

_CLIENT_SECRET = re.compile(r"(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+")


def _intent_for(client_secret) -> resources.PaymentIntent:
    """The PaymentIntent this client secret belongs to, as Stripe.js's calls authenticate."""
    match = _CLIENT_SECRET.fullmatch(client_secret) if isinstance(client_secret, str) else None
    if match is None:
        raise UserError(400, "Invalid value for client_secret.", {"code": "parameter_invalid_string"})
    intent = resources.store.get(f"payment_intent:{match[1]}")
    if intent is None or intent.client_secret != client_secret:
        raise UserError(404, f"No such payment_intent: '{match[1]}'", {"code": "resource_missing"})
    return intent


async def _payload(request) -> dict:
    try:
        payload = await request.json()
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise UserError(400, "Expected a JSON object.")
    return payload


def _paid(intent):
    return web.json_response({"paymentIntent": intent._export()})


def _failed(error: dict, intent, status: int):
    if intent is not None:
        error = {**error, "payment_intent": intent._export()}
    return web.json_response({"error": error}, status=status)


def _failed_from(exception: UserError, intent):
    error = dict(exception.body["error"])
    if exception.code == 402:  # a declined card; localstripe calls every error invalid_request_error
        error["type"] = "card_error"
    return _failed(error, intent, exception.code)


async def _confirm_card_payment(request):
    intent = None
    try:
        payload = await _payload(request)
        intent = _intent_for(payload.get("client_secret"))
        if intent.status not in ("requires_payment_method", "requires_confirmation"):
            raise UserError(
                400,
                f"You cannot confirm this PaymentIntent because it has a status of {intent.status}.",
                {"code": "payment_intent_unexpected_state"},
            )
        try:
            method = resources.PaymentMethod(
                type="card", card=payload.get("card"), billing_details=payload.get("billing_details")
            )
        except UserError as exception:
            # Stripe.js refuses an incomplete or invalid card before any request.
            return _failed({**exception.body["error"], "type": "validation_error"}, intent, exception.code)
        intent.payment_method = method.id
        intent.latest_charge = None  # a new attempt, e.g. another card after a decline
        intent._confirm(on_failure_now=intent._report_failure)
    except UserError as exception:
        return _failed_from(exception, intent)
    return _paid(intent)


async def _authenticate(request):
    """The outcome of localstripe's 3-D Secure box ("Complete" or "Fail authentication")."""
    intent = None
    try:
        payload = await _payload(request)
        intent = _intent_for(payload.get("client_secret"))
        resources.PaymentIntent._api_authenticate(
            intent.id, client_secret=intent.client_secret, success=payload.get("success") is True
        )
    except UserError as exception:
        return _failed_from(exception, intent)
    if intent.status == "requires_payment_method":  # authentication failed
        return _failed({"type": "invalid_request_error", **intent.last_payment_error}, intent, 400)
    return _paid(intent)


@web.middleware
async def _extend_stripe_js(request, handler):
    response = await handler(request)
    if request.path == JS_PATH and response.status == 200:
        return web.Response(text=response.text + STRIPE_JS_EXTENSION, content_type="application/javascript")
    return response


def build_app() -> web.Application:
    """A new application with localstripe's routes and middlewares, plus the harness's.

    localstripe's own module-level app is left untouched (an aiohttp app is
    bound to the first loop that runs it), so a harness can stop and start again.
    """
    app = web.Application(middlewares=[*server.app.middlewares, _extend_stripe_js])
    for callback in server.app.on_response_prepare:  # its CORS headers
        app.on_response_prepare.append(callback)
    for route in server.app.router.routes():
        app.router.add_route(route.method, route.resource.canonical, route.handler)
    app.router.add_post(CONFIRM_PATH, _confirm_card_payment)
    app.router.add_post(AUTHENTICATE_PATH, _authenticate)
    return app


def _socket(port: int) -> socket.socket:
    """A TCP socket on 127.0.0.1 only (localstripe's own command listens on every interface)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


async def _cancel_deliveries():
    pending = list(_deliveries)
    for delivery in pending:
        delivery.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


async def _forget_webhooks():
    webhooks._webhooks.clear()  # localstripe has no route to unregister one


class LocalStripe:
    """A patched localstripe on 127.0.0.1, served by an asyncio loop in a daemon thread."""

    def __init__(self, port: int = 0):
        self.port = port  # 0: a free port, known once started
        self.base_url = ""
        self.js_url = ""
        self._loop = None
        self._thread = None
        self._runner = None
        # Loopback only: never through a proxy that the environment may name.
        self._http = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def start(self) -> "LocalStripe":
        sock = _socket(self.port)
        self.port = sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.js_url = self.base_url + JS_PATH
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="localstripe", daemon=True)
        self._thread.start()
        try:
            self._runner = self._call(self._serve(sock))
        except BaseException:
            self._close_loop()
            sock.close()
            raise
        return self

    def stop(self):
        if self._loop is None:
            return
        self._call(self._shutdown())
        self._close_loop()

    def flush(self):
        """Empty the store (DELETE /_config/data) and drop the webhooks not yet delivered."""
        self._call(_cancel_deliveries())
        self._request("DELETE", "/_config/data")

    def webhook_register(self, url: str, secret: str, events: list[str] | None = None, id: str = "test"):
        """Send events (all, or those named) to url, signed with secret; replaces the one of the same id."""
        payload = {"url": url, "secret": secret}
        if events is not None:
            payload["events"] = events
        self._request("POST", f"/_config/webhooks/{id}", payload)

    def card_pay(self, client_secret: str, number: str = "4242424242424242") -> dict:
        """Pay an intent as the browser's Stripe.js would (for tests without a browser)."""
        request = urllib.request.Request(
            self.base_url + CONFIRM_PATH,
            data=json.dumps(
                {
                    "client_secret": client_secret,
                    "card": {"number": number, "exp_month": "12", "exp_year": "34", "cvc": "123"},
                }
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def webhooks_clear(self):
        """Forget every registered webhook (they survive a flush)."""
        self._call(_forget_webhooks())

    async def _serve(self, sock):
        # A short shutdown_timeout: stop() must not wait on a browser's idle keep-alive connections.
        runner = web.AppRunner(build_app(), access_log=None, shutdown_timeout=1)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        return runner

    async def _shutdown(self):
        await _cancel_deliveries()
        await self._runner.cleanup()

    def _call(self, coroutine, timeout: float = 10):
        """Run a coroutine on the server's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def _close_loop(self):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
        self._loop = self._thread = self._runner = None

    def _request(self, method: str, path: str, payload: dict | None = None):
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        with self._http.open(request, timeout=10) as response:
            return response.read()


@pytest.fixture(scope="session")
def localstripe():
    """One localstripe server for the whole run."""
    harness = LocalStripe().start()
    yield harness
    harness.stop()


@pytest.fixture
def localstripe_clean(localstripe):
    """The server with an empty store, no webhook registered and none pending."""
    localstripe.flush()
    localstripe.webhooks_clear()
    return localstripe


def main(argv=None):
    parser = argparse.ArgumentParser(description="localstripe with the test harness's patches, on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--webhook", help="send every event to this URL (e.g. the site's /stripe/webhook/)")
    parser.add_argument("--secret", default="whsec_local", help="the webhook signing secret")
    args = parser.parse_args(argv)
    if args.webhook:
        webhooks.register_webhook("demo", args.webhook, args.secret, None)
    sock = _socket(args.port)
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    print(f"localstripe on {base_url}  (Stripe.js stand-in: {base_url}{JS_PATH})", flush=True)
    if args.webhook:
        print(f"webhooks to {args.webhook}", flush=True)
    # localstripe reports webhook deliveries on the aiohttp.access logger.
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    web.run_app(build_app(), sock=sock, print=None)


if __name__ == "__main__":
    main()
