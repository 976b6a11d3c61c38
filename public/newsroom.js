// Newsroom editor page: autosave (debounced) through the JSON API, and the conflict view when someone else
// saved first. Without this file the form still saves with its Save button.
(function () {
  var form = document.getElementById('article-form');
  if (!form) return;

  // Pictures of the panel (hero, video poster) come from the body editor's media library dialog (search or upload).
  var PICTURE_FIELDS = {
    hero: { id: 'heroMediaId', alt: 'heroAlt', caption: 'heroCaption', credit: 'heroCredit' },
    poster: { id: 'videoPosterId' },
  };
  function setPicture(prefix, pick) {
    var names = PICTURE_FIELDS[prefix];
    var box = document.querySelector(`[data-picture="${prefix}"]`);
    form.elements.namedItem(names.id).value = pick ? String(pick.mediaId) : '';
    ['alt', 'caption', 'credit'].forEach(function (k) {
      if (names[k]) form.elements.namedItem(names[k]).value = pick ? pick[k] || '' : '';
    });
    var preview = box.querySelector('img, .ed-picture-empty');
    var next = pick?.src ? document.createElement('img') : document.createElement('p');
    if (pick?.src) {
      next.src = pick.src;
      next.alt = '';
      next.className = 'ed-picture-preview';
    } else {
      next.className = 'ed-picture-empty';
      next.textContent = pick ? `Picture ${pick.mediaId} chosen.` : 'No picture.';
    }
    if (preview) preview.replaceWith(next);
    box.querySelector('[data-remove-picture]').hidden = !pick;
    form.dispatchEvent(new Event('input', { bubbles: true }));
  }
  document.querySelectorAll('[data-pick-picture]').forEach(function (button) {
    var prefix = button.getAttribute('data-pick-picture');
    var show = function () {
      if (window.mastheadEditor?.pickImage) button.hidden = false;
    };
    show();
    document.addEventListener('masthead:editor-ready', show);
    button.addEventListener('click', function () {
      window.mastheadEditor.pickImage(function (pick) {
        setPicture(prefix, pick);
        setTimeout(function () {
          button.focus();
        }, 0);
      });
    });
  });
  document.querySelectorAll('[data-remove-picture]').forEach(function (button) {
    button.addEventListener('click', function () {
      setPicture(button.getAttribute('data-remove-picture'), null);
      document.querySelector(`[data-pick-picture="${button.getAttribute('data-remove-picture')}"]`).focus();
    });
  });

  if (!form.dataset.articleId) return;
  var id = form.dataset.articleId;
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var status = document.querySelector('[data-save-status]');
  var revisionOut = document.querySelector('[data-revision]');
  var conflictBox = document.getElementById('conflict');
  var timer = null;
  var saving = false;
  var pending = false;
  var DRAFT_KEY = `masthead:draft:${id}`;

  function field(name) {
    return form.elements.namedItem(name);
  }
  function value(name) {
    var el = field(name);
    return el ? el.value : '';
  }
  function say(text) {
    savedAt = 0;
    if (status) status.textContent = text;
  }
  // "Saved 12 s ago", kept current while the page is open.
  var savedAt = 0;
  var savedNote = '';
  function ago(ms) {
    var s = Math.round((Date.now() - ms) / 1000);
    if (s < 5) return 'just now';
    if (s < 60) return `${s} s ago`;
    if (s < 3600) return `${Math.floor(s / 60)} min ago`;
    return `at ${new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  }
  function showSaved() {
    if (status && savedAt) status.textContent = `Saved ${ago(savedAt)}${savedNote}`;
  }
  if (status?.dataset.savedAt) {
    savedAt = Date.parse(status.dataset.savedAt) || 0;
    showSaved();
  }
  setInterval(showSaved, 5000);
  // The form's own fields and those in the side panel (form="article-form").
  function named(name) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name === name;
    });
  }
  function selected(name) {
    var out = [];
    named(name).forEach(function (el) {
      if (el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) {
          out.push(Number(o.value));
        });
      } else if (el.type === 'checkbox') {
        if (el.checked) out.push(Number(el.value));
      } else if (el.value) {
        out.push(Number(el.value));
      }
    });
    return out.filter(function (n, i, all) {
      return n > 0 && all.indexOf(n) === i;
    });
  }

  function article() {
    var heroId = value('heroMediaId').trim();
    var body = [];
    try {
      body = JSON.parse(value('body') || '[]');
    } catch (_e) {
      body = [];
    }
    return {
      headline: value('headline'),
      standfirst: value('standfirst'),
      slug: value('slug'),
      kind: value('kind'),
      primarySectionId: Number(value('primarySectionId')),
      extraSectionIds: selected('extraSectionIds'),
      tags: value('tags')
        .split(',')
        .map(function (t) {
          return t.trim();
        })
        .filter(Boolean),
      authorIds: selected('authorIds'),
      body: body,
      hero: /^\d+$/.test(heroId)
        ? { mediaId: Number(heroId), caption: value('heroCaption'), credit: value('heroCredit'), alt: value('heroAlt') }
        : null,
      video: video(),
      seoTitle: value('seoTitle'),
      seoDescription: value('seoDescription'),
    };
  }

  function duration(text) {
    var parts = text.trim().split(':');
    if (
      parts.length > 3 ||
      parts.some(function (p) {
        return !/^\d+$/.test(p);
      })
    )
      return NaN;
    return parts.reduce(function (total, p) {
      return total * 60 + Number(p);
    }, 0);
  }

  // Same rules as the no-JavaScript form (src/newsroom/form.ts).
  function video() {
    var url = value('videoUrl').trim();
    if (!url) return null;
    var poster = value('videoPosterId').trim();
    return {
      url: url,
      type: value('videoType'),
      durationSeconds: duration(value('videoDuration')),
      posterMediaId: /^\d+$/.test(poster) ? Number(poster) : null,
      captions: value('videoCaptions')
        .split('\n')
        .map(function (line) {
          return line.split('|').map(function (x) {
            return x.trim();
          });
        })
        .filter(function (p) {
          return p.some(Boolean);
        })
        .map(function (p) {
          return { language: p[0] || '', label: p[1] || '', url: p[2] || '' };
        }),
    };
  }

  // A copy in the browser too: if the network or server is away, a reload still finds what was typed.
  function keepLocally() {
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ base: Number(value('baseRevision')), article: article(), at: Date.now() }));
    } catch (_e) {}
  }

  function save(autosave, baseOverride) {
    if (saving) {
      pending = true;
      return;
    }
    saving = true;
    say(autosave ? 'Saving…' : 'Saving…');
    var base = baseOverride || Number(value('baseRevision'));
    fetch(`/api/v1/articles/${id}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ baseRevision: base, article: article(), autosave: autosave }),
    })
      .then(function (res) {
        return res.json().then(function (data) {
          return { res: res, data: data };
        });
      })
      .then(function (r) {
        if (r.res.ok) {
          field('baseRevision').value = String(r.data.revision);
          if (revisionOut) revisionOut.textContent = String(r.data.revision);
          // Update, Schedule update and Discard name the revision they act on: the one just saved.
          document.querySelectorAll('input[name="revision"][data-latest-revision]').forEach(function (i) {
            i.value = String(r.data.revision);
          });
          try {
            localStorage.removeItem(DRAFT_KEY);
          } catch (_e) {}
          savedAt = Date.now();
          savedNote = r.data.held ? ': not public until an editor updates the article' : '';
          showSaved();
          if (r.data.held)
            document.querySelectorAll('[data-held-notice]').forEach(function (n) {
              n.hidden = false;
            });
        } else if (r.data.error && r.data.error.code === 'REVISION_CONFLICT') {
          showConflict(r.data.error);
        } else {
          say(`Not saved: ${r.data.error ? r.data.error.message : `error ${r.res.status}`}`);
        }
      })
      .catch(function () {
        say('Not saved: the connection failed. Your text is kept in this browser.');
      })
      .then(function () {
        saving = false;
        if (pending) {
          pending = false;
          save(true);
        }
      });
  }

  function showConflict(error) {
    var d = error.details || {};
    var theirs = d.theirs || {};
    conflictBox.hidden = false;
    conflictBox.textContent = '';
    var h = document.createElement('h2');
    h.textContent = 'Someone else saved this article';
    var p = document.createElement('p');
    p.textContent = `${d.savedBy || 'Another user'} saved revision ${d.currentRevision}. Nothing is lost: choose which version to continue with.`;
    var mineNow = article();
    var mine = document.createElement('pre');
    mine.textContent = `Yours\n${summary(mineNow)}`;
    var other = document.createElement('pre');
    other.textContent = `Theirs (revision ${d.currentRevision})\n${summary(theirs)}`;
    var keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = 'Keep mine (save as a new revision)';
    keep.addEventListener('click', function () {
      conflictBox.hidden = true;
      field('baseRevision').value = String(d.currentRevision);
      save(false, d.currentRevision);
    });
    var take = document.createElement('button');
    take.type = 'button';
    take.textContent = 'Take theirs';
    take.addEventListener('click', function () {
      conflictBox.hidden = true;
      load(theirs, d.currentRevision);
      say(`Loaded revision ${d.currentRevision}.`);
    });
    conflictBox.append(h, p, mine, other, keep, take);
    keep.focus();
  }

  function blockText(b) {
    if (b.type === 'paragraph')
      return b.content
        .map(function (r) {
          return r.text;
        })
        .join('');
    if (b.type === 'list')
      return b.items
        .map(function (item) {
          return (
            '• ' +
            item
              .map(function (r) {
                return r.text;
              })
              .join('')
          );
        })
        .join('\n');
    if (b.type === 'quote') return `“${b.text}”${b.attribution ? ` — ${b.attribution}` : ''}`;
    if (b.type === 'heading') return b.text;
    if (b.type === 'image') return `[image: ${b.caption || b.alt}]`;
    return `[${b.type}]`;
  }

  // Both versions in full words, so the choice is informed.
  function summary(a) {
    return `Headline: ${a.headline || ''}\nStandfirst: ${a.standfirst || ''}\n\n${(a.body || []).map(blockText).join('\n\n')}`;
  }

  function setSelected(name, ids) {
    named(name).forEach(function (el, i) {
      if (el.multiple)
        Array.prototype.forEach.call(el.options, function (o) {
          o.selected = ids.indexOf(Number(o.value)) !== -1;
        });
      else if (el.type === 'checkbox') el.checked = ids.indexOf(Number(el.value)) !== -1;
      else el.value = ids[i] ? String(ids[i]) : '';
    });
  }

  // Puts another version into every field, so "Take theirs" continues from exactly that revision.
  function load(a, revision) {
    field('headline').value = a.headline || '';
    field('standfirst').value = a.standfirst || '';
    field('slug').value = a.slug || '';
    field('kind').value = a.kind || 'news';
    field('primarySectionId').value = String(a.primarySectionId || '');
    setSelected('extraSectionIds', a.extraSectionIds || []);
    setSelected('authorIds', a.authorIds || []);
    field('tags').value = (a.tags || []).join(', ');
    field('heroMediaId').value = a.hero ? String(a.hero.mediaId) : '';
    field('heroAlt').value = a.hero ? a.hero.alt : '';
    field('heroCaption').value = a.hero ? a.hero.caption : '';
    field('heroCredit').value = a.hero ? a.hero.credit : '';
    var v = a.video;
    field('videoUrl').value = v ? v.url : '';
    field('videoType').value = v ? v.type : 'hls';
    field('videoDuration').value = v ? String(v.durationSeconds) : '';
    field('videoPosterId').value = v?.posterMediaId ? String(v.posterMediaId) : '';
    field('videoCaptions').value = v
      ? v.captions
          .map(function (c) {
            return `${c.language} | ${c.label} | ${c.url}`;
          })
          .join('\n')
      : '';
    field('seoTitle').value = a.seoTitle || '';
    field('seoDescription').value = a.seoDescription || '';
    field('body').value = JSON.stringify(a.body || []);
    if (window.mastheadEditor) window.mastheadEditor.setBlocks(a.body || []);
    field('baseRevision').value = String(revision);
    if (revisionOut) revisionOut.textContent = String(revision);
  }

  function changed() {
    keepLocally();
    say('Unsaved changes');
    clearTimeout(timer);
    timer = setTimeout(function () {
      save(true);
    }, 1500);
  }

  // Soft lock: a heartbeat tells others this article is open here, and tells us if someone took it over.
  var lockNotice = document.createElement('p');
  lockNotice.className = 'nr-notice nr-error';
  lockNotice.setAttribute('role', 'status');
  lockNotice.hidden = true;
  (document.querySelector('.ed-messages') || form.parentNode).append(lockNotice);
  function heartbeat() {
    fetch(`/api/v1/articles/${id}/lock`, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrf } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        lockNotice.hidden = !data.heldBy;
        lockNotice.textContent = data.heldBy
          ? data.heldBy +
            ' is editing this article now. Your saves stay safe: if theirs lands first you will be asked which version to keep.'
          : '';
      })
      .catch(function () {});
  }
  setInterval(heartbeat, 45000);

  // Until the slug is typed by hand, suggest the one the headline would give.
  var slug = field('slug');
  function suggestSlug() {
    slug.placeholder = value('headline')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
  }
  field('headline').addEventListener('input', suggestSlug);
  suggestSlug();

  // Fields in the side panel belong to the form without being inside it, so listen on the document.
  document.addEventListener('input', function (event) {
    if (event.target.form === form || event.target === form) changed();
  });
  form.addEventListener('masthead:change', changed);
  form.addEventListener('submit', function (event) {
    clearTimeout(timer);
    // Publish, Submit, Schedule and Update post the form itself: the server saves, then acts, in one step.
    if (event.submitter && (event.submitter.name === 'andUpdate' || event.submitter.name === 'intent')) return;
    event.preventDefault();
    save(false);
  });
})();
