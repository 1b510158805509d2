// Card payment with Stripe.js Elements and a PaymentIntent created by the server.
// Messages come from the page (data-message-*), so they are in the visitor's language.
(function () {
  "use strict";
  var form = document.getElementById("payment-form");
  if (!form || typeof Stripe === "undefined") {
    return;
  }
  var data = form.dataset;
  var message = document.getElementById("payment-message");
  var button = document.getElementById("pay-button");
  var buttonLabel = button.textContent;
  var stripe = Stripe(data.stripeKey, { locale: data.locale });
  var elements = stripe.elements({ locale: data.locale });
  var card = elements.create("card", { hidePostalCode: true });
  card.mount("#card-element");

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
    button.disabled = false;
    button.textContent = buttonLabel;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show("");
    button.disabled = true;
    button.textContent = data.messageProcessing;
    stripe
      .confirmCardPayment(data.clientSecret, {
        payment_method: { card: card, billing_details: { name: data.name } },
      })
      .then(function (result) {
        if (result.error) {
          // Stripe's own message is translated by Stripe.js; ours says what to do next.
          show(data.messageFailed + (result.error.message ? " (" + result.error.message + ")" : ""));
          return;
        }
        var status = result.paymentIntent && result.paymentIntent.status;
        if (status === "succeeded" || status === "processing") {
          window.location.assign(data.returnUrl);
        } else {
          // A failed 3-D Secure comes back without an error, only with this status.
          show(data.messageAuthentication);
        }
      })
      .catch(function () {
        show(data.messageUnavailable);
      });
  });
})();
