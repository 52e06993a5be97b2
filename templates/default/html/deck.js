/* The deck presents itself: keys, swipes and the URL move through slides and build steps; O or
   Escape shows the overview; S opens the speaker view, a second window of this same file kept
   in step with this one both ways (postMessage between the two windows, which works for
   file:// and http:// pages alike). L (or the help's menu) opens the same slide and build step in
   the talk's next language, the speaker view following. No request is ever made. */
(function () {
  "use strict";

  const root = document.documentElement;
  const data = JSON.parse(document.getElementById("deck-data").textContent);
  const S = data.strings;
  const viewport = document.getElementById("viewport");
  const stage = document.getElementById("stage");
  const progressBar = document.getElementById("progress-bar");
  const announcer = document.getElementById("announcer");
  const slots = Array.from(stage.querySelectorAll(".slot"));
  const slides = slots.map((slot) => slot.querySelector(".slide"));
  const total = slides.length;
  const speaker = new URLSearchParams(location.search).has("speaker");
  const SLIDE_W = 960;
  const SLIDE_H = 540;

  const state = { index: 0, step: 1 };
  let overview = false;
  let peer = null;          // the other window: the speaker view, or the audience's deck
  let shownIndex = -1;
  let ui = null;            // the speaker view's own elements

  const stepsOf = (index) => Math.max(1, parseInt(slides[index].getAttribute("data-steps") || "1", 10));
  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  const headingOf = (index) => {
    const heading = slides[index].querySelector("h1, h2");
    return heading ? heading.textContent.trim() : "";
  };
  const slideLabel = (index) => S.slide.replace("{n}", String(index + 1)).replace("{total}", String(total));

  const partOf = (index) => parseInt(slides[index].getAttribute("data-part") || "0", 10);

  // The place in the URL: #/7 is slide 7, #/6/3 its third build step. Another language's deck
  // asks for a slide by its id and continuation part (its numbers may differ from this deck's):
  // #/id=vm-stack&part=0&step=2.
  function placeFromHash() {
    const match = /^#\/(\d+)(?:\/(\d+))?$/.exec(location.hash);
    if (match) {
      const index = clamp(parseInt(match[1], 10) - 1, 0, total - 1);
      return { index: index, step: clamp(parseInt(match[2] || "1", 10), 1, stepsOf(index)) };
    }
    if (!/^#\/id=/.test(location.hash)) return null;
    const asked = new URLSearchParams(location.hash.slice(2));
    const index = indexOfPart(asked.get("id") || "", parseInt(asked.get("part") || "0", 10) || 0);
    if (index === null) return null;
    return { index: index, step: clamp(parseInt(asked.get("step") || "1", 10) || 1, 1, stepsOf(index)) };
  }

  // The slide of that id and part: the part itself when this deck has it, else the slide's last
  // part (the other language continued it on more slides), else the slide's first slide (part 0,
  // a slide the other language did not continue).
  function indexOfPart(id, part) {
    const found = [];
    slides.forEach((slide, i) => { if (slide.getAttribute("data-id") === id) found.push(i); });
    if (!found.length) return null;
    if (part <= 0) return found[0];
    const same = found.find((i) => partOf(i) === part);
    return same !== undefined ? same : found[found.length - 1];
  }

  function applySteps(slide, step) {
    slide.querySelectorAll("[data-step]").forEach((group) => {
      group.classList.toggle("future", parseInt(group.getAttribute("data-step"), 10) > step);
    });
    // Code lines highlighted at some steps only (a code slide's steps): marked at those steps.
    slide.querySelectorAll("[data-only-step]").forEach((line) => {
      const marked = line.getAttribute("data-only-step").split(" ").filter(Boolean).map((n) => parseInt(n, 10));
      line.classList.toggle("marked", marked.indexOf(step) !== -1);
      line.classList.toggle("dimmed", marked.indexOf(step) === -1);
    });
  }

  function fitStage(box, target) {
    const scale = Math.min(box.clientWidth / SLIDE_W, box.clientHeight / SLIDE_H);
    target.style.setProperty("--scale", String(scale > 0 ? scale : 1));
  }

  function layoutOverview() {
    const width = viewport.clientWidth - 32;
    const columns = clamp(Math.floor((width + 16) / 276), 1, 5);
    const thumbW = Math.floor((width - (columns - 1) * 16) / columns);
    const scale = thumbW / SLIDE_W;
    root.style.setProperty("--columns", String(columns));
    root.style.setProperty("--thumb-w", thumbW + "px");
    root.style.setProperty("--thumb-h", Math.floor(SLIDE_H * scale) + "px");
    root.style.setProperty("--thumb-scale", String(scale));
    return columns;
  }

  function fit() {
    if (overview) layoutOverview();
    fitStage(viewport, stage);
    if (ui) fitStage(ui.next, ui.nextStage);
  }

  function announce(text) {
    announcer.textContent = text;
  }

  // The help: a table of the keys and the talk's other languages, toggled by ? or H, closed by Esc.
  const helpOverlay = document.getElementById("help-overlay");
  const helpPanel = document.getElementById("help-panel");
  const helpOpen = () => !helpOverlay.hidden;
  function setHelp(on) {
    if (on === helpOpen()) return;
    helpOverlay.hidden = !on;
    if (on) helpPanel.focus({ preventScroll: true });
    else if (helpPanel.contains(document.activeElement)) document.activeElement.blur();
  }
  document.getElementById("help-close").addEventListener("click", () => setHelp(false));
  helpOverlay.addEventListener("click", (event) => { if (event.target === helpOverlay) setHelp(false); });

  // A message shown for a few seconds (the speaker view's window was blocked).
  const messageBox = document.getElementById("deck-message");
  let messageTimer = null;
  function showMessage(text, seconds) {
    clearTimeout(messageTimer);
    messageBox.textContent = text;
    messageBox.hidden = false;
    messageTimer = setTimeout(() => { messageBox.hidden = true; }, seconds * 1000);
  }

  // --- the same place in another language --------------------------------------------------

  const languages = data.languages || [];
  const here = languages.findIndex((language) => language.lang === data.lang);

  // The place as another deck of the talk finds it: slide id, continuation part and step.
  function placeHash() {
    return "#/id=" + encodeURIComponent(slides[state.index].getAttribute("data-id")) +
      "&part=" + partOf(state.index) + "&step=" + state.step;
  }

  // Opens the deck in `lang` at this place, and takes the other window (speaker view or audience,
  // at the same place) along: this window navigates that one itself, as an opener and its pop-up
  // may, rather than asking it by a message a page that is leaving may never get to send.
  function switchLanguage(lang) {
    const target = languages.find((language) => language.lang === lang);
    if (!target || lang === data.lang) return;
    const address = (speakerView) => {
      const url = new URL(target.href, location.href);
      url.search = speakerView ? "?speaker" : "";
      url.hash = placeHash();
      return url.href;
    };
    if (peer && !peer.closed) {
      try {
        peer.location.href = address(!speaker);
      } catch (error) {
        send({ type: "lang", lang: lang });
      }
    }
    location.assign(address(speaker));
  }

  function nextLanguage() {
    if (languages.length > 1) switchLanguage(languages[(here + 1) % languages.length].lang);
  }

  helpOverlay.querySelectorAll("a[data-lang]").forEach((link) => {
    link.addEventListener("click", (event) => {
      if (link.getAttribute("data-lang") === data.lang) {
        event.preventDefault();
        setHelp(false);
        return;
      }
      event.preventDefault();
      switchLanguage(link.getAttribute("data-lang"));
    });
  });

  function render(fromPeer) {
    const changed = shownIndex !== state.index;
    const slide = slides[state.index];
    if (changed) {
      // Steps are set before the slide shows, without fading what was left built last time.
      slide.classList.add("instant");
      applySteps(slide, state.step);
      void slide.offsetWidth;
      slide.classList.remove("instant");
    } else {
      applySteps(slide, state.step);
    }
    slides.forEach((each, i) => {
      const current = i === state.index;
      each.classList.toggle("current", current);
      slots[i].classList.toggle("selected", current);
      each.inert = overview || !current;
    });
    stage.setAttribute("data-current-slide", String(state.index + 1));
    stage.setAttribute("data-current-step", String(state.step));
    progressBar.style.width = ((state.index + 1) / total) * 100 + "%";
    const hash = "#/" + (state.index + 1) + (state.step > 1 ? "/" + state.step : "");
    if (location.hash !== hash) history.replaceState(null, "", hash);
    if (changed) announce(slideLabel(state.index) + " : " + headingOf(state.index));
    shownIndex = state.index;
    if (ui) updateSpeaker();
    if (!fromPeer) send({ type: "go", index: state.index, step: state.step });
  }

  function go(index, step, fromPeer) {
    state.index = clamp(index, 0, total - 1);
    state.step = clamp(step, 1, stepsOf(state.index));
    render(fromPeer);
    if (overview) slots[state.index].scrollIntoView({ block: "nearest" });
  }

  function next() {
    if (state.step < stepsOf(state.index)) go(state.index, state.step + 1);
    else if (state.index < total - 1) go(state.index + 1, 1);
  }

  function prev() {
    if (state.step > 1) go(state.index, state.step - 1);
    else if (state.index > 0) go(state.index - 1, stepsOf(state.index - 1));
  }

  // --- overview ---------------------------------------------------------------------------

  function setOverview(on) {
    overview = on;
    root.classList.toggle("overview", on);
    slots.forEach((slot, i) => {
      if (on) {
        slot.tabIndex = 0;
        slot.setAttribute("role", "button");
        slot.setAttribute("aria-label", slideLabel(i) + " : " + headingOf(i));
      } else {
        slot.removeAttribute("tabindex");
        slot.removeAttribute("role");
        slot.removeAttribute("aria-label");
      }
    });
    stage.setAttribute("aria-label", on ? S.overview : S.deck);
    fit();
    render(true);
    if (on) {
      slots[state.index].focus({ preventScroll: true });
      slots[state.index].scrollIntoView({ block: "center" });
    } else {
      viewport.scrollTop = 0;
    }
  }

  stage.addEventListener("click", (event) => {
    if (!overview) return;
    const slot = event.target.closest(".slot");
    if (!slot) return;
    event.preventDefault();
    go(parseInt(slot.getAttribute("data-index"), 10), 1);
    setOverview(false);
  });

  function overviewKey(event) {
    const columns = parseInt(getComputedStyle(root).getPropertyValue("--columns"), 10) || 1;
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
    if (event.key in moves) {
      go(state.index + moves[event.key], 1);
      slots[state.index].focus({ preventScroll: true });
    } else if (event.key === "Home" || event.key === "End") {
      go(event.key === "Home" ? 0 : total - 1, 1);
      slots[state.index].focus({ preventScroll: true });
    } else if (event.key === "Enter" || event.key === " " || event.key === "Escape" ||
               letterOf(event) === "o") {
      const focused = document.activeElement && document.activeElement.closest
        ? document.activeElement.closest(".slot") : null;
      if (focused && (event.key === "Enter" || event.key === " ")) {
        go(parseInt(focused.getAttribute("data-index"), 10), 1);
      }
      setOverview(false);
    } else {
      return false;
    }
    return true;
  }

  // --- keys and swipes --------------------------------------------------------------------

  // A blacked-out (B or .) or whited-out (W) screen, as presenters' clickers ask for.
  const blank = document.createElement("div");
  blank.id = "blank-screen";
  blank.setAttribute("aria-hidden", "true");
  document.body.appendChild(blank);
  function setShade(shade) {
    if (shade) blank.dataset.shade = shade; else delete blank.dataset.shade;
  }
  let typed = "";
  let typedTimer = null;

  // The letter a key stands for: its own, or, when the keyboard types another script (a Russian or
  // Greek layout types Cyrillic or Greek letters), the Latin letter printed on that physical key.
  function letterOf(event) {
    const key = event.key.toLowerCase();
    if (key.length === 1 && !/[a-z]/.test(key) && /\p{L}/u.test(key) && /^Key[A-Z]$/.test(event.code || "")) {
      return event.code.slice(3).toLowerCase();
    }
    return key;
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (target && target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
    let handled = true;
    if (blank.dataset.shade) {          // the screen is blacked (or whited) out: any key brings the slide back
      setShade("");
      event.preventDefault();
      return;
    }
    if (helpOpen() && (event.key === "Escape" || event.key === "?" || letterOf(event) === "h")) {
      setHelp(false);
      event.preventDefault();
      return;
    }
    if (!overview && /^[0-9]$/.test(event.key)) {          // a slide number, then Enter, jumps there
      typed = (typed + event.key).slice(-4);
      clearTimeout(typedTimer);
      typedTimer = setTimeout(() => { typed = ""; }, 3000);
      event.preventDefault();
      return;
    }
    if (!overview && event.key === "Enter" && typed) {
      go(clamp(parseInt(typed, 10), 1, total) - 1, 1);
      typed = "";
      event.preventDefault();
      return;
    }
    if (overview) {
      handled = overviewKey(event);
    } else {
      const key = event.key.length === 1 ? letterOf(event) : event.key;
      switch (key) {
        case "b": case ".":             // what clickers send for "black screen"
          setShade("black"); break;
        case "w": case ",":
          setShade("white"); break;
        case "ArrowRight": case "ArrowDown": case "PageDown": case "n":
          next(); break;
        case "ArrowLeft": case "ArrowUp": case "PageUp": case "p": case "Backspace":
          prev(); break;
        case " ":
          if (event.shiftKey) prev(); else next();
          break;
        case "Home": go(0, 1); break;
        case "End": go(total - 1, 1); break;
        case "o": case "Escape":
          if (!speaker) setOverview(true); else handled = false;
          break;
        case "s":
          if (!speaker) openSpeaker(); else handled = false;
          break;
        case "f":
          toggleFullscreen(); break;
        case "?": case "h":
          setHelp(true); break;
        case "l":
          if (languages.length > 1) nextLanguage(); else handled = false;
          break;
        default:
          handled = false;
      }
    }
    if (handled) event.preventDefault();
  });

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(() => {});
    }
  }

  let touch = null;
  viewport.addEventListener("touchstart", (event) => {
    touch = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
  }, { passive: true });
  viewport.addEventListener("touchend", (event) => {
    if (!touch || overview || event.changedTouches.length !== 1) return;
    const dx = event.changedTouches[0].clientX - touch.x;
    const dy = event.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      if (dx < 0) next(); else prev();
    }
  }, { passive: true });

  window.addEventListener("hashchange", () => {
    const place = placeFromHash();
    if (place !== null && (place.index !== state.index || place.step !== state.step)) go(place.index, place.step);
  });
  window.addEventListener("resize", fit);

  // --- the two windows in step ------------------------------------------------------------

  function send(message) {
    if (!peer || peer.closed) return;
    message.deckgen = data.deck;
    try {
      peer.postMessage(message, "*");
    } catch (error) {
      peer = null;
    }
  }

  window.addEventListener("message", (event) => {
    const message = event.data;
    if (!message || typeof message !== "object" || message.deckgen !== data.deck) return;
    if (speaker && event.source !== window.opener) return;
    if (!speaker) {
      if (message.type === "hello") {
        peer = event.source;
        stage.setAttribute("data-speaker-view", "open");      // the speaker view follows this window
        if (message.fresh) send({ type: "go", index: state.index, step: state.step });
        return;
      }
      if (event.source !== peer) return;
    }
    if (message.type === "go" && typeof message.index === "number" && typeof message.step === "number") {
      go(message.index, message.step, true);
    } else if (message.type === "lang" && typeof message.lang === "string") {
      switchLanguage(message.lang);
    }
  });

  function openSpeaker() {
    const url = location.href.split("#")[0].split("?")[0] + "?speaker#/" + (state.index + 1);
    const opened = window.open(url, "deckgen-speaker-" + data.deck, "popup,width=1280,height=800");
    if (opened) {
      peer = opened;
    } else {
      announce(S.popup_blocked);
      showMessage(S.popup_blocked, 6);
    }
  }

  // --- the speaker view -------------------------------------------------------------------

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function buildSpeakerView() {
    root.classList.add("speaker");
    document.title = S.speaker + " · " + document.title;
    const box = element("div", "speaker-ui");
    const currentLabel = element("p", "speaker-label current-label");
    const nextLabel = element("p", "speaker-label next-label", S.next);
    const next = element("div", "next-viewport");
    next.setAttribute("aria-hidden", "true");
    const nextStage = element("div", "stage");
    next.append(nextStage);
    const clocks = element("div", "clocks");
    const timerBox = element("div", "timer");
    const timer = element("span", "value", "0:00");
    timer.id = "speaker-timer";
    const pause = element("button", "pause", S.pause);
    pause.type = "button";
    pause.id = "speaker-pause";
    const reset = element("button", "reset", S.reset);
    reset.type = "button";
    reset.id = "speaker-reset";
    const buttons = element("div", "buttons");
    buttons.append(pause, reset);
    timerBox.append(timer, element("span", "label", S.timer));
    const clockBox = element("div", "clock");
    const clock = element("span", "value", "");
    clock.id = "speaker-clock";
    clockBox.append(clock, element("span", "label", S.clock));
    clocks.append(timerBox, clockBox);
    // The time left when the talk says how long it is: amber in its last tenth, red once over.
    const countdownBox = element("div", "countdown");
    const countdown = element("span", "value", "");
    countdown.id = "speaker-countdown";
    countdownBox.append(countdown, element("span", "label", S.left));
    if (data.duration) clocks.append(countdownBox);
    clocks.append(buttons);                               // under the clocks, the width of the row
    const stepLabel = element("span", "step-label", "");   // "Step 3 of 6", after the slide's label
    stepLabel.id = "speaker-step";
    const notes = element("section", "speaker-notes");
    notes.id = "speaker-notes";
    notes.setAttribute("aria-label", S.notes);
    notes.setAttribute("aria-live", "polite");
    box.append(currentLabel, nextLabel, next, clocks, notes);
    document.body.append(box);
    ui = { currentLabel, stepLabel, nextLabel, next, nextStage, notes, timer, clock };

    let started = Date.now();
    let pausedAt = null;
    const format = (seconds) => {
      const h = Math.floor(seconds / 3600);
      const m = Math.floor((seconds % 3600) / 60);
      const s = seconds % 60;
      const mm = h ? String(m).padStart(2, "0") : String(m);
      return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
    };
    let clockFormat;
    try {
      clockFormat = new Intl.DateTimeFormat(data.lang, { hour: "2-digit", minute: "2-digit" });
    } catch (error) {
      clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
    }
    const tick = () => {
      const now = Date.now();
      const elapsed = Math.floor(((pausedAt || now) - started) / 1000);
      timer.textContent = format(elapsed);
      clock.textContent = clockFormat.format(new Date(now));
      if (data.duration) {
        const left = data.duration * 60 - elapsed;
        countdown.textContent = (left < 0 ? "+" : "") + format(Math.abs(left));
        countdownBox.classList.toggle("late", left < 0);
        countdownBox.classList.toggle("soon", left >= 0 && left <= Math.max(60, data.duration * 6));
      }
    };
    pause.addEventListener("click", () => {
      if (pausedAt) {
        started += Date.now() - pausedAt;
        pausedAt = null;
        pause.textContent = S.pause;
      } else {
        pausedAt = Date.now();
        pause.textContent = S.resume;
      }
      pause.setAttribute("aria-pressed", pausedAt ? "true" : "false");
      tick();
    });
    reset.addEventListener("click", () => {
      started = Date.now();
      if (pausedAt) pausedAt = started;
      tick();
    });
    tick();
    setInterval(tick, 1000);

    const hello = (fresh) => {
      if (window.opener && !window.opener.closed) {
        peer = window.opener;
        send({ type: "hello", fresh });
      }
    };
    hello(true);
    // A reloaded audience window forgets this one: saying hello again lets it find us; often in the
    // first seconds, when both windows have just opened another language and the audience's page
    // may still be loading.
    let said = 0;
    const again = () => {
      hello(false);
      said += 1;
      setTimeout(again, said < 20 ? 100 : 1000);
    };
    setTimeout(again, 100);
  }

  function updateSpeaker() {
    const steps = stepsOf(state.index);
    ui.stepLabel.textContent = steps > 1 ? S.step.replace("{n}", state.step).replace("{total}", steps) : "";
    ui.currentLabel.replaceChildren(slideLabel(state.index), ...(steps > 1 ? [" · ", ui.stepLabel] : []));
    let index = state.index;
    let step = state.step + 1;
    if (step > stepsOf(index)) {
      index += 1;
      step = 1;
    }
    ui.nextStage.replaceChildren();
    if (index < total) {
      const copy = slides[index].cloneNode(true);
      copy.querySelectorAll("[id]").forEach((node) => node.removeAttribute("id"));
      copy.removeAttribute("id");
      copy.removeAttribute("aria-labelledby");
      copy.classList.add("current", "instant");
      copy.inert = true;
      applySteps(copy, step);
      ui.nextStage.append(copy);
      ui.nextLabel.textContent = index === state.index ? S.next_step : S.next;
    } else {
      ui.nextStage.append(element("p", "next-end", S.end));
      ui.nextLabel.textContent = S.next;
    }
    const source = slides[state.index].querySelector(".notes");
    const paragraphs = source ? Array.from(source.children).map((node) => node.cloneNode(true)) : [];
    if (paragraphs.length) ui.notes.replaceChildren(...paragraphs);
    else ui.notes.replaceChildren(element("p", "empty", S.no_notes));
    ui.notes.scrollTop = 0;
    fitStage(ui.next, ui.nextStage);
  }

  // --- start ------------------------------------------------------------------------------

  if (speaker) buildSpeakerView();
  const place = placeFromHash();
  let start = place ? place.index : 0;
  let step = place ? place.step : 1;
  try {
    const key = "deckgen-restore:" + data.deck;
    const saved = JSON.parse(sessionStorage.getItem(key) || "null");
    sessionStorage.removeItem(key);
    if (saved && saved.index === start && typeof saved.step === "number") step = saved.step;
  } catch (error) {
    /* no session storage: start at the slide's first step */
  }
  fit();
  state.index = start;
  state.step = clamp(step, 1, stepsOf(start));
  render(true);
})();
