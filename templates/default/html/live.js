/* Watch mode only: follow the server's event stream; reload on a new build (on the same slide
   and step), show the content errors over the deck while the talk does not build. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("deck-data").textContent);
  if (!data.live || !window.EventSource) return;
  let overlay = null;

  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "live-overlay";
      overlay.setAttribute("role", "alert");
      const title = document.createElement("h2");
      title.textContent = data.strings.error;
      overlay.append(title, document.createElement("pre"));
      document.body.append(overlay);
    }
    overlay.querySelector("pre").textContent = text;
  }

  function hideError() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function remember() {
    const stage = document.getElementById("stage");
    if (!stage) return;
    try {
      sessionStorage.setItem("deckgen-restore:" + data.deck, JSON.stringify({
        index: parseInt(stage.getAttribute("data-current-slide"), 10) - 1,
        step: parseInt(stage.getAttribute("data-current-step"), 10),
      }));
    } catch (error) {
      /* no session storage: the reload starts at the slide's first step */
    }
  }

  const events = new EventSource(data.live.events);
  events.addEventListener("message", (event) => {
    let state;
    try {
      state = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    if (state.version !== data.live.version) {
      remember();
      events.close();
      location.reload();
    } else if (state.error) {
      showError(state.error);
    } else {
      hideError();
    }
  });
  const pending = document.getElementById("live-error");
  if (pending) showError(pending.textContent);
})();
