// The door page's camera: decode badges' QR codes with jsQR (shipped as a
// static file) and post them like a USB scanner would. Linux Chromium has no
// BarcodeDetector, so decoding happens here, frame by frame.
(function () {
  "use strict";
  var form = document.getElementById("scan-form");
  var start = document.getElementById("camera-start");
  var video = document.getElementById("camera");
  if (!form || !start || !video || !navigator.mediaDevices || typeof jsQR === "undefined") {
    return;
  }
  start.hidden = false;
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });

  function scan() {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      if (code && code.data) {
        video.srcObject.getTracks().forEach(function (track) { track.stop(); });
        form.elements.code.value = code.data;
        form.submit();
        return;
      }
    }
    requestAnimationFrame(scan);
  }

  function open() {
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        start.hidden = true;
        return video.play();
      })
      .then(function () { requestAnimationFrame(scan); })
      .catch(function () { start.hidden = false; });
  }

  start.addEventListener("click", open);
  // After a scan the page shows the answer; the camera waits for "Scan the next badge",
  // so the badge still in front of it is not read a second time.
  if (document.querySelector(".door-result")) {
    start.textContent = start.dataset.next;
    start.focus();
  }
})();
