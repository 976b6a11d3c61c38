// The media library with JavaScript. On the library: images dropped anywhere on it (or chosen with the file
// field) upload one at a time to the JSON API with a progress bar each, and appear at the top of the grid. On a
// picture's page: a click on the preview sets the focal point (the two percentage fields) and shows a marker.
// Without this file the upload form posts one image and the focal point is typed.
(() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') || '';

  const form = document.querySelector('form.ml-upload');
  if (form) {
    const url = form.getAttribute('data-upload-url');
    const input = form.querySelector('input[type="file"]');
    const status = document.querySelector('.ml-status');
    const queue = document.querySelector('.ml-queue');
    const grid = document.querySelector('.ml-grid');
    const zone = document.querySelector('main') || document.body;
    const text = (name) => form.elements.namedItem(name)?.value.trim() || '';
    const say = (message) => {
      status.textContent = message;
    };
    input.multiple = true;
    input.required = false;
    form.querySelector('.ml-drop-hint').hidden = false;

    const send = (file, row) =>
      new Promise((resolve, reject) => {
        const body = new FormData();
        for (const name of ['alt', 'caption', 'credit']) if (text(name)) body.append(name, text(name));
        body.append('file', file);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        xhr.setRequestHeader('x-csrf-token', csrf());
        xhr.setRequestHeader('accept', 'application/json');
        xhr.upload.addEventListener('progress', (e) => {
          if (e.lengthComputable) row.progress.value = Math.round((e.loaded / e.total) * 100);
        });
        xhr.addEventListener('load', () => {
          let answer = null;
          try {
            answer = JSON.parse(xhr.responseText);
          } catch {}
          if (xhr.status === 201 && answer) resolve(answer);
          else reject(new Error(answer?.error?.message || `the server answered ${xhr.status}`));
        });
        xhr.addEventListener('error', () => reject(new Error('the connection failed')));
        xhr.send(body);
      });

    const rowFor = (file) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'ml-queue-name';
      name.textContent = file.name;
      const progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute('aria-label', `Upload of ${file.name}`);
      const note = document.createElement('span');
      note.className = 'ml-queue-note';
      note.textContent = 'Waiting…';
      li.append(name, progress, note);
      queue.prepend(li);
      queue.hidden = false;
      return { li, progress, note };
    };

    const tile = (m) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/newsroom/media/${m.id}`;
      const img = document.createElement('img');
      img.src = m.thumbnail.url;
      img.alt = '';
      img.width = m.thumbnail.width;
      img.height = m.thumbnail.height;
      const label = document.createElement('span');
      label.className = 'ml-name';
      label.textContent = m.alt || m.caption || `Image ${m.id}`;
      a.append(img, label);
      li.append(a);
      grid.prepend(li);
    };

    let chain = Promise.resolve();
    const upload = (files) => {
      const images = [...files];
      if (images.length === 0) return;
      say(images.length === 1 ? `Uploading ${images[0].name}…` : `Uploading ${images.length} images…`);
      for (const file of images) {
        const row = rowFor(file);
        chain = chain.then(async () => {
          row.note.textContent = 'Uploading…';
          try {
            const m = await send(file, row);
            row.progress.value = 100;
            row.note.textContent = '';
            const link = document.createElement('a');
            link.href = `/newsroom/media/${m.id}`;
            link.textContent = 'Uploaded: describe it and set its focal point';
            row.note.append(link);
            tile(m);
            say(`${file.name} uploaded.`);
          } catch (error) {
            row.li.classList.add('ml-failed');
            row.note.textContent = `Not uploaded: ${error.message}`;
            say(`${file.name} was not uploaded: ${error.message}`);
          }
        });
      }
    };

    input.addEventListener('change', () => {
      upload(input.files);
      input.value = '';
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.files.length) upload(input.files);
      else say('Choose images, or drop them on the library.');
      input.value = '';
    });
    const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
    zone.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      zone.classList.add('ml-dragging');
    });
    zone.addEventListener('dragleave', (e) => {
      if (e.target === zone || !zone.contains(e.relatedTarget)) zone.classList.remove('ml-dragging');
    });
    zone.addEventListener('drop', (e) => {
      if (!e.dataTransfer?.files?.length) return;
      e.preventDefault();
      zone.classList.remove('ml-dragging');
      upload(e.dataTransfer.files);
    });
  }

  // The focal point: a click on the preview sets both fields; typing in them moves the marker.
  const box = document.querySelector('.ml-focus');
  if (box) {
    const img = box.querySelector('img');
    const marker = box.querySelector('.ml-marker');
    const fx = document.getElementById('focus_x');
    const fy = document.getElementById('focus_y');
    const clamp = (v) => Math.min(1, Math.max(0, v));
    const show = (x, y) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      marker.hidden = false;
      marker.style.left = `${clamp(x) * 100}%`;
      marker.style.top = `${clamp(y) * 100}%`;
    };
    show(Number(box.getAttribute('data-focus-x')), Number(box.getAttribute('data-focus-y')));
    if (fx && fy) {
      box.classList.add('ml-settable');
      img.addEventListener('click', (e) => {
        const r = img.getBoundingClientRect();
        const x = clamp((e.clientX - r.left) / r.width);
        const y = clamp((e.clientY - r.top) / r.height);
        fx.value = String(Math.round(x * 1000) / 10);
        fy.value = String(Math.round(y * 1000) / 10);
        show(x, y);
      });
      for (const field of [fx, fy]) field.addEventListener('input', () => show(Number(fx.value) / 100, Number(fy.value) / 100));
    }
  }
})();
