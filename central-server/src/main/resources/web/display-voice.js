// The waiting-room display's voice without internet: prerecorded Albanian clips ("Bileta", the letter,
// the number in words, "sporteli", the counter), fetched once and played one after another. Browser
// speech is only the fallback when a clip cannot play. Also shows a no-show that came back.
window.SportelVoice = (() => {
  const clips = new Map();
  const played = [];
  const announced = [];
  let chain = Promise.resolve();

  function clip(url) {
    let a = clips.get(url);
    if (!a) {
      a = new Audio(url);
      a.preload = 'auto';
      clips.set(url, a);
    }
    return a;
  }

  function play(url) {
    return new Promise((resolve, reject) => {
      const a = clip(url);
      a.currentTime = 0;
      a.onended = resolve;
      a.onerror = () => reject(new Error('clip failed: ' + url));
      const started = a.play();
      if (started) { started.then(() => played.push(url), reject); }
    });
  }

  async function sayCall(number, counter) {
    const r = await fetch('/api/v1/public/voice/announcement?ticket=' + encodeURIComponent(number) + '&counter=' + counter);
    if (!r.ok) { throw new Error('no clips for ' + number); }
    const clipList = (await r.json()).clips;
    announced.push(clipList);
    for (const url of clipList) { await play(url); }
  }

  function showBack(ticket) {
    let note = document.getElementById('voiceNotice');
    if (!note) {
      note = document.createElement('div');
      note.id = 'voiceNotice';
      note.className = 'banner';
      document.body.appendChild(note);
    }
    const en = document.documentElement.lang === 'en';
    note.textContent = ticket.number + (en ? ' is back in the queue' : ' u rikthye në radhë');
    note.classList.remove('hidden');
    clearTimeout(showBack.timer);
    showBack.timer = setTimeout(() => note.classList.add('hidden'), 15000);
  }

  return {
    /** Queues one announcement after the chime; {@code fallback} speaks it with the browser's voice. */
    announce(number, counter, fallback) {
      chain = chain.then(() => new Promise(r => setTimeout(r, 800)))
        .then(() => sayCall(number, counter))
        .catch(() => fallback());
      return chain;
    },
    onEvent(type, e) {
      if (type === 'ticket.reactivated' && e.ticket) { showBack(e.ticket); }
    },
    played,
    announced,
  };
})();
