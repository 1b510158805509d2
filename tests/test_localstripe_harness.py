"""The localstripe harness: the real stripe library and Chromium pay, fail, refund and get webhooks offline."""

import http.server
import queue
import threading
from pathlib import Path

import pytest
import stripe

pytest_plugins = ["tests.localstripe_harness"]
pytestmark = pytest.mark.integration

SECRET_KEY = "sk_test_local"
PUBLISHABLE_KEY = "pk_test_local"
WEBHOOK_SECRET = "whsec_harness"

# The smallest checkout page: the standard Stripe.js card flow, with the
# payment's result put in window.payment for the test to wait for.
PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pay</title><script src="JS_URL"></script></head>
<body>
<div id="card"></div>
<script>
  const stripe = Stripe("PUBLISHABLE_KEY");
  const card = stripe.elements().create("card");
  card.mount("#card");
  window.pay = (clientSecret) => {
    window.payment = undefined;
    stripe.confirmCardPayment(clientSecret, {payment_method: {card}}).then(result => {
      window.payment = result;
    });
  };
</script>
</body>
</html>
"""


class _ShopHandler(http.server.BaseHTTPRequestHandler):
    """GET serves the checkout page; POST /webhook records Stripe's call."""

    def do_GET(self):
        body = self.server.page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        payload = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.webhooks.put((payload, self.headers["Stripe-Signature"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


@pytest.fixture
def shop(localstripe_clean):
    """Our side, on 127.0.0.1 like localstripe: the checkout page and the webhook endpoint."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ShopHandler)
    server.page = PAGE.replace("JS_URL", localstripe_clean.js_url).replace("PUBLISHABLE_KEY", PUBLISHABLE_KEY)
    server.webhooks = queue.Queue()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def client(localstripe_clean):
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": localstripe_clean.base_url})


def _intent_create(client):
    return client.v1.payment_intents.create(params={"amount": 150000, "currency": "mad"})


def _card_fill(page, number):
    """The five inputs of localstripe's card Element; the year has two digits."""
    for placeholder, value in (
        ("number", number),
        ("exp_month", "12"),
        ("exp_year", "34"),
        ("cvc", "123"),
        ("postal_code", "12345"),
    ):
        page.get_by_placeholder(placeholder, exact=True).fill(value)


def _pay(page, client_secret, *, authentication=None):
    """confirmCardPayment's result; authentication names the 3-D Secure box's button to press."""
    page.evaluate("secret => window.pay(secret)", client_secret)
    if authentication is not None:
        page.get_by_role("button", name=authentication).click()
    return page.wait_for_function("() => window.payment", timeout=10_000).json_value()


def test_card_payment_succeeds(page, shop, client):
    intent = _intent_create(client)
    page.goto(shop.url)
    _card_fill(page, "4242424242424242")

    result = _pay(page, intent.client_secret)

    assert list(result) == ["paymentIntent"]
    assert (result["paymentIntent"]["id"], result["paymentIntent"]["status"]) == (intent.id, "succeeded")
    paid = client.v1.payment_intents.retrieve(intent.id)
    assert (paid.status, paid.amount, paid.currency) == ("succeeded", 150000, "mad")
    method = client.v1.payment_methods.retrieve(paid.payment_method)
    assert (method.card.last4, method.card.exp_month, method.card.exp_year) == ("4242", 12, 2034)
    assert method.billing_details.address.postal_code == "12345"


def test_declined_card_is_a_card_error_and_another_card_may_follow(page, shop, client):
    intent = _intent_create(client)
    page.goto(shop.url)
    _card_fill(page, "4000000000000341")

    result = _pay(page, intent.client_secret)

    error = result["error"]
    assert (error["type"], error["code"], error["message"]) == (
        "card_error",
        "card_declined",
        "Your card was declined.",
    )
    assert error["payment_intent"]["status"] == "requires_payment_method"
    assert "paymentIntent" not in result
    declined = client.v1.payment_intents.retrieve(intent.id)
    assert (declined.status, declined.last_payment_error.code) == ("requires_payment_method", "card_declined")

    _card_fill(page, "4242424242424242")
    result = _pay(page, intent.client_secret)

    assert result["paymentIntent"]["status"] == "succeeded"
    assert client.v1.payment_intents.retrieve(intent.id).status == "succeeded"


def test_three_d_secure_completed_pays(page, shop, client):
    intent = _intent_create(client)
    page.goto(shop.url)
    _card_fill(page, "4000002500003155")

    result = _pay(page, intent.client_secret, authentication="Complete authentication")

    assert result["paymentIntent"]["status"] == "succeeded"
    assert client.v1.payment_intents.retrieve(intent.id).status == "succeeded"


def test_three_d_secure_failed_is_an_error(page, shop, client):
    intent = _intent_create(client)
    page.goto(shop.url)
    _card_fill(page, "4000002500003155")

    result = _pay(page, intent.client_secret, authentication="Fail authentication")

    assert list(result) == ["error"]
    assert (result["error"]["code"], result["error"]["payment_intent"]["status"]) == (
        "payment_intent_authentication_failure",
        "requires_payment_method",
    )
    assert client.v1.payment_intents.retrieve(intent.id).status == "requires_payment_method"


def test_another_intents_client_secret_is_refused(page, shop, client):
    intent = _intent_create(client)
    other = _intent_create(client)
    page.goto(shop.url)
    _card_fill(page, "4242424242424242")

    forged = intent.client_secret.replace(intent.id, other.id)
    result = _pay(page, forged)

    assert result["error"]["code"] == "resource_missing"
    assert client.v1.payment_intents.retrieve(other.id).status == "requires_payment_method"


def test_webhook_is_signed_and_verifies(page, shop, client, localstripe_clean):
    localstripe_clean.webhook_register(
        shop.url + "webhook", WEBHOOK_SECRET, events=["payment_intent.succeeded"]
    )
    intent = _intent_create(client)
    page.goto(shop.url)
    _card_fill(page, "4242424242424242")
    _pay(page, intent.client_secret)

    payload, signature = shop.webhooks.get(timeout=10)  # delivered about 1 s after the payment

    event = stripe.Webhook.construct_event(payload, signature, WEBHOOK_SECRET)
    assert (event.type, event.data.object.id, event.data.object.status) == (
        "payment_intent.succeeded",
        intent.id,
        "succeeded",
    )
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload, signature, "whsec_someone_else")


def test_flush_empties_the_store_and_drops_pending_webhooks(shop, client, localstripe_clean):
    localstripe_clean.webhook_register(shop.url + "webhook", WEBHOOK_SECRET)
    intent = client.v1.payment_intents.create(
        params={"amount": 150000, "currency": "mad", "payment_method": "pm_card_visa", "confirm": True}
    )
    assert intent.status == "succeeded"

    localstripe_clean.flush()

    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.retrieve(intent.id)
    with pytest.raises(queue.Empty):
        shop.webhooks.get(timeout=2)


def test_refund_by_payment_intent(client):
    intent = client.v1.payment_intents.create(
        params={"amount": 150000, "currency": "mad", "payment_method": "pm_card_visa", "confirm": True}
    )

    refund = client.v1.refunds.create(params={"payment_intent": intent.id})

    assert (refund.status, refund.amount, refund.currency, refund.payment_intent) == (
        "succeeded",
        150000,
        "mad",
        intent.id,
    )


def test_store_is_not_pickled_to_tmp(client):
    pickle = Path("/tmp/localstripe.pickle")

    def state():
        return pickle.stat().st_mtime_ns if pickle.exists() else None

    before = state()
    _intent_create(client)

    assert state() == before
