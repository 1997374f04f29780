"use strict";
// IronNotebooks ROI editor. The page draws; every statistic, fit and LIC comes from the server (the library), so the
// numbers here are those of `ironnb roi stats`. Pixel coordinates: x = column, y = row, integers at pixel centres.
(() => {
  const token = new URLSearchParams(location.search).get("token") || "";
  const $ = id => document.getElementById(id);
  const canvas = $("image"), ctx = canvas.getContext("2d");
  const ROLES = ["liver", "muscleRightParaspinal", "muscleLeftParaspinal", "spleen", "heartSeptum", "lesion", "phantomVial", "background", "other"];
  const ROLE_COLOURS = { liver: "#38d66b", muscleRightParaspinal: "#4fc3f7", muscleLeftParaspinal: "#ba68c8", spleen: "#ff8a65",
    heartSeptum: "#f06292", lesion: "#ffee58", phantomVial: "#90a4ae", background: "#bdbdbd", other: "#e0e0e0" };
  const ROLE_SHORT = { muscleRightParaspinal: "muscle R", muscleLeftParaspinal: "muscle L", heartSeptum: "septum", phantomVial: "vial" };
  const S = {
    exam: null, acq: null, slice: 0, echo: 0, wl: null, zoom: 1, panX: 0, panY: 0, fitted: false,
    volumes: new Map(), maps: new Map(), rois: [], description: "", selected: null, undo: [], redo: [],
    baseSha: null, dirty: false, tool: "move", drag: null, poly: null, measure: null, measureSeq: 0, measuresDone: 0,
    overlay: false, opacity: 0.5, flipX: false, flipY: false, mapRange: [0, 500], perf: {}, lastDrawMs: 0,
  };
  const api = (path, init) => {
    const sep = path.includes("?") ? "&" : "?";
    return fetch(path + sep + "token=" + encodeURIComponent(token), init);
  };
  const fmt = (v, d) => (v === null || v === undefined || typeof v === "string" || !isFinite(v)) ? "–" : v.toFixed(d);

  // ---------- messages ----------
  function message(text, kind) {
    const div = document.createElement("div");
    div.className = kind || "info";
    div.textContent = text;
    $("messages").appendChild(div);
    (kind === "error" ? console.error : console.info)("ROI editor: " + text);
    if (kind !== "error") setTimeout(() => div.remove(), 6000);
  }
  function clearErrors() { for (const d of [...$("messages").children]) if (d.className === "error") d.remove(); }

  // ---------- geometry ----------
  const A = () => S.acq;
  const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  function sliceGeom(k) {
    const a = A(), s = a.slices[k === undefined ? S.slice : k];
    const R = a.rowDirection, C = a.columnDirection;
    const N = [R[1] * C[2] - R[2] * C[1], R[2] * C[0] - R[0] * C[2], R[0] * C[1] - R[1] * C[0]];
    return { O: s.originMm, R, C, N, sx: a.columnSpacingMm, sy: a.rowSpacingMm, half: isFinite(s.thicknessMm) && s.thicknessMm > 0 ? Math.max(s.thicknessMm / 2, 0.5) : 0.5 };
  }
  function p2mm(x, y, g) { g = g || sliceGeom(); return [0, 1, 2].map(i => g.O[i] + g.R[i] * x * g.sx + g.C[i] * y * g.sy); }
  function mm2p(p, g) { g = g || sliceGeom(); const d = [p.x - g.O[0], p.y - g.O[1], p.z - g.O[2]]; return { x: dot(d, g.R) / g.sx, y: dot(d, g.C) / g.sy, dist: dot(d, g.N) }; }
  // A point of an ROI in pixel coordinates of the current slice.
  function ptPx(roi, p) { return roi.space === "patientMm" ? mm2p(p) : { x: p.x, y: p.y, dist: 0 }; }
  function pxPt(roi, x, y) { if (roi.space !== "patientMm") return { x, y, z: 0 }; const m = p2mm(x, y); return { x: m[0], y: m[1], z: m[2] }; }
  // Frame scale: the shape's own unit per pixel along x and y (mm for patient space).
  function frameScale(roi) { const g = sliceGeom(); return roi.space === "patientMm" ? [g.sx, g.sy] : [1, 1]; }
  function onSlice(roi) {
    if (roi.space !== "patientMm") return true;
    const p = roi.center || roi.corner0 || (roi.vertices && roi.vertices[0]);
    return !p || Math.abs(mm2p(p).dist) <= sliceGeom().half;
  }
  function sliceOf(roi) {
    if (roi.space !== "patientMm") return null;
    const p = roi.center || roi.corner0 || (roi.vertices && roi.vertices[0]);
    let best = 0, bestD = Infinity;
    A().slices.forEach((s, k) => { const d = Math.abs(mm2p(p, sliceGeom(k)).dist); if (d < bestD) { bestD = d; best = k; } });
    return best;
  }
  // Outline in pixel coordinates (circles and ellipses sampled; the server decides pixels by their centres).
  function outline(roi) {
    const [fx, fy] = frameScale(roi);
    if (roi.shape === "circle" || roi.shape === "ellipse") {
      const c = ptPx(roi, roi.center);
      const rx = roi.shape === "circle" ? roi.radius : roi.radiusX, ry = roi.shape === "circle" ? roi.radius : roi.radiusY;
      const t = (roi.angleDeg || 0) * Math.PI / 180, pts = [];
      for (let i = 0; i < 96; i++) {
        const a = 2 * Math.PI * i / 96, u = rx * Math.cos(a), v = ry * Math.sin(a);
        pts.push({ x: c.x + (u * Math.cos(t) - v * Math.sin(t)) / fx, y: c.y + (u * Math.sin(t) + v * Math.cos(t)) / fy });
      }
      return pts;
    }
    if (roi.shape === "rectangle") {
      const a = ptPx(roi, roi.corner0), b = ptPx(roi, roi.corner1);
      return [{ x: a.x, y: a.y }, { x: b.x, y: a.y }, { x: b.x, y: b.y }, { x: a.x, y: b.y }];
    }
    if (roi.shape === "polygon") return roi.vertices.map(p => ptPx(roi, p));
    return [];
  }
  function handles(roi) {
    const [fx, fy] = frameScale(roi);
    if (roi.shape === "circle") { const c = ptPx(roi, roi.center); return [{ kind: "r", x: c.x + roi.radius / fx, y: c.y }]; }
    if (roi.shape === "ellipse") {
      const c = ptPx(roi, roi.center), t = (roi.angleDeg || 0) * Math.PI / 180;
      return [{ kind: "rx", x: c.x + roi.radiusX * Math.cos(t) / fx, y: c.y + roi.radiusX * Math.sin(t) / fy },
              { kind: "ry", x: c.x - roi.radiusY * Math.sin(t) / fx, y: c.y + roi.radiusY * Math.cos(t) / fy }];
    }
    if (roi.shape === "polygon") return roi.vertices.map((p, i) => { const q = ptPx(roi, p); return { kind: "v", i, x: q.x, y: q.y }; });
    return [];
  }
  function inside(pts, x, y) {
    let c = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++)
      if ((pts[i].y > y) !== (pts[j].y > y) && x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x) c = !c;
    return c;
  }

  // ---------- view transform ----------
  // Radiological display: the image is flipped so that patient right is on screen left and anterior (axial) or head
  // (coronal, sagittal) is up, whatever order the pixels are stored in.
  const dispX = x => S.flipX ? A().columns - 1 - x : x, dispY = y => S.flipY ? A().rows - 1 - y : y;
  function toScreen(x, y) { return { x: S.panX + (dispX(x) + 0.5) * S.zoom, y: S.panY + (dispY(y) + 0.5) * S.zoom }; }
  function toImage(sx, sy) { return { x: dispX((sx - S.panX) / S.zoom - 0.5), y: dispY((sy - S.panY) / S.zoom - 0.5) }; }
  function drawFlipped(img) {
    const a = A();
    ctx.save();
    ctx.translate(S.panX + (S.flipX ? a.columns * S.zoom : 0), S.panY + (S.flipY ? a.rows * S.zoom : 0));
    ctx.scale(S.flipX ? -1 : 1, S.flipY ? -1 : 1);
    ctx.drawImage(img, 0, 0, a.columns * S.zoom, a.rows * S.zoom);
    ctx.restore();
  }
  function fit() {
    const a = A(); if (!a) return;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    S.zoom = Math.min(w / a.columns, h / a.rows) * 0.98;
    S.panX = (w - a.columns * S.zoom) / 2; S.panY = (h - a.rows * S.zoom) / 2;
  }

  // ---------- pixels ----------
  function volumeKey(e) { return A().id + "/" + (e === undefined ? S.echo : e); }
  function plane(k, e) { const v = S.volumes.get(volumeKey(e)); return v && v.slices[k === undefined ? S.slice : k]; }
  async function fetchPlane(k, e) {
    const key = volumeKey(e), acq = A();
    if (!S.volumes.has(key)) S.volumes.set(key, { slices: new Array(acq.slices.length).fill(null), loading: false });
    const v = S.volumes.get(key);
    if (v.slices[k]) return v.slices[k];
    const r = await api(`/api/plane?acq=${acq.id}&slice=${k}&echo=${e}`);
    if (!r.ok) throw new Error((await r.json()).error || r.statusText);
    v.slices[k] = new Float32Array(await r.arrayBuffer());
    return v.slices[k];
  }
  // The whole echo in one response, so scrolling never waits for the network.
  function fetchVolume(e) {
    const key = volumeKey(e), acq = A();
    if (!S.volumes.has(key)) S.volumes.set(key, { slices: new Array(acq.slices.length).fill(null), loading: null });
    const v = S.volumes.get(key);
    if (v.slices.every(s => s)) return Promise.resolve();
    if (!v.loading) v.loading = (async () => {
      const r = await api(`/api/volume?acq=${acq.id}&echo=${e}`);
      if (!r.ok) { v.loading = null; message("could not read echo " + (e + 1) + ": " + ((await r.json()).error || r.statusText), "error"); return; }
      const all = new Float32Array(await r.arrayBuffer()), n = acq.rows * acq.columns;
      for (let k = 0; k < acq.slices.length; k++) if (!v.slices[k]) v.slices[k] = all.subarray(k * n, (k + 1) * n);
    })();
    return v.loading;
  }
  function percentiles(data, ps, bodyOnly) {
    const step = Math.max(1, Math.floor(data.length / 20000)), sample = [];
    for (let i = 0; i < data.length; i += step) if (isFinite(data[i])) sample.push(data[i]);
    sample.sort((a, b) => a - b);
    let s = sample;
    if (bodyOnly && sample.length) { const top = sample[Math.floor(0.99 * (sample.length - 1))]; s = sample.filter(v => v > 0.1 * top); if (!s.length) s = sample; }
    return ps.map(p => s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] : 0);
  }
  function presetWl(kind) {
    const d = plane(); if (!d) return;
    let lo, hi;
    if (kind === "full") [lo, hi] = percentiles(d, [0, 1]);
    else if (kind === "soft") [lo, hi] = percentiles(d, [0.05, 0.95], true);
    else [lo, hi] = percentiles(d, [0.01, 0.99]);
    if (!(hi > lo)) hi = lo + 1;
    S.wl = { c: (lo + hi) / 2, w: hi - lo };
  }

  // ---------- drawing ----------
  const off = document.createElement("canvas"), offCtx = off.getContext("2d");
  const mapOff = document.createElement("canvas"), mapCtx = mapOff.getContext("2d");
  let imageData = null;
  function renderPlane(d) {
    const a = A();
    if (off.width !== a.columns || off.height !== a.rows || !imageData) { off.width = a.columns; off.height = a.rows; imageData = offCtx.createImageData(a.columns, a.rows); }
    const px = imageData.data, lo = S.wl.c - S.wl.w / 2, scale = 255 / S.wl.w;
    for (let i = 0, j = 0; i < d.length; i++, j += 4) {
      let g = (d[i] - lo) * scale; g = g < 0 ? 0 : g > 255 ? 255 : g;
      px[j] = px[j + 1] = px[j + 2] = g; px[j + 3] = 255;
    }
    offCtx.putImageData(imageData, 0, 0);
  }
  function colour(t) { // perceptually ordered dark-blue → green → yellow ramp for R2*
    const stops = [[13, 8, 135], [126, 3, 168], [204, 71, 120], [248, 149, 64], [240, 249, 33]];
    t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(t)), f = t - i;
    return stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
  }
  function renderMap(m) {
    const a = A();
    mapOff.width = a.columns; mapOff.height = a.rows;
    const img = mapCtx.createImageData(a.columns, a.rows), [lo, hi] = S.mapRange;
    for (let i = 0, j = 0; i < m.length; i++, j += 4) {
      if (!isFinite(m[i])) { img.data[j + 3] = 0; continue; }
      const c = colour((m[i] - lo) / (hi - lo));
      img.data[j] = c[0]; img.data[j + 1] = c[1]; img.data[j + 2] = c[2]; img.data[j + 3] = 255;
    }
    mapCtx.putImageData(img, 0, 0);
  }
  function drawColorbar() {
    const cb = $("colorbar"), c = cb.getContext("2d");
    cb.hidden = !S.overlay;
    if (!S.overlay) return;
    c.clearRect(0, 0, cb.width, cb.height);
    c.fillStyle = "rgba(0,0,0,0.6)"; c.fillRect(0, 0, cb.width, cb.height);
    for (let y = 0; y < 200; y++) { const col = colour(1 - y / 199); c.fillStyle = `rgb(${col})`; c.fillRect(6, 20 + y, 14, 1); }
    c.fillStyle = "#eee"; c.font = "11px system-ui";
    const [lo, hi] = S.mapRange;
    for (let i = 0; i <= 4; i++) { const v = hi - (hi - lo) * i / 4; c.fillText(v.toFixed(0), 24, 24 + 199 * i / 4); }
    c.fillText("R2* s⁻¹", 4, 12); c.fillText("ARLO", 4, 250);
  }
  function draw() {
    const t0 = performance.now();
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    ctx.fillStyle = "#000"; ctx.fillRect(0, 0, w, h);
    const d = plane();
    if (!d || !A()) return false;
    if (!S.wl) presetWl("auto");
    renderPlane(d);
    ctx.imageSmoothingEnabled = false;
    const a = A();
    drawFlipped(off);
    const m = S.overlay && S.maps.get(a.id + "/" + S.slice);
    if (m) { renderMap(m); ctx.globalAlpha = S.opacity; drawFlipped(mapOff); ctx.globalAlpha = 1; }
    drawColorbar();
    drawRois();
    $("sliceLabel").textContent = `slice ${S.slice + 1}/${a.slices.length} (${a.slices[S.slice].locationMm.toFixed(1)} mm)`;
    $("teLabel").textContent = `${S.echo + 1}/${a.echoTimesMs.length}: TE ${a.echoTimesMs[S.echo].toFixed(2)} ms`;
    $("wlLabel").textContent = `W ${S.wl.w.toPrecision(4)} L ${S.wl.c.toPrecision(4)}`;
    S.lastDrawMs = performance.now() - t0;
    if (!S.perf.firstImageMs) {
      S.perf.firstImageMs = performance.now(); // ms since navigation start (the page's time origin)
      performance.mark("ironnb-first-image");
    }
    return true;
  }
  function drawRois() {
    for (const roi of S.rois) {
      if (!onSlice(roi)) continue;
      const pts = outline(roi), colour = ROLE_COLOURS[roi.role] || "#fff", sel = roi === S.selected;
      const res = S.measure && S.measure.rois.find(r => r.name === roi.name);
      ctx.beginPath();
      pts.forEach((p, i) => { const s = toScreen(p.x, p.y); i ? ctx.lineTo(s.x, s.y) : ctx.moveTo(s.x, s.y); });
      ctx.closePath();
      ctx.lineWidth = sel ? 2.5 : 1.5; ctx.strokeStyle = res && res.error ? "#ff5252" : colour; ctx.stroke();
      const c = pts.reduce((a, p) => ({ x: a.x + p.x / pts.length, y: a.y + p.y / pts.length }), { x: 0, y: 0 });
      const top = Math.min(...pts.map(p => p.y)), s = toScreen(c.x, top);
      ctx.font = "11px system-ui"; ctx.fillStyle = colour; ctx.textAlign = "center";
      // Two short lines (name, then mean on the shown echo) so neighbouring discs' labels do not run into each other.
      const res0 = res && res.echoes.length ? res.echoes[Math.min(S.echo, res.echoes.length - 1)] : null;
      const warn = res && res.hints.length ? " ⚠" : "";
      // A dark outline keeps the label legible on bright tissue (fat) as on air.
      ctx.strokeStyle = "rgba(0,0,0,0.85)"; ctx.lineWidth = 3; ctx.lineJoin = "round";
      const text = (t, y) => { ctx.strokeText(t, s.x, y); ctx.fillText(t, s.x, y); };
      text(roi.name + warn, s.y - (res0 ? 17 : 5));
      if (res0) text(fmt(res0.mean, 1), s.y - 5);
      ctx.textAlign = "start";
      if (sel) for (const hd of handles(roi)) { const q = toScreen(hd.x, hd.y); ctx.fillStyle = "#fff"; ctx.fillRect(q.x - 4, q.y - 4, 8, 8); }
    }
    if (S.poly) {
      ctx.beginPath();
      S.poly.forEach((p, i) => { const s = toScreen(p.x, p.y); i ? ctx.lineTo(s.x, s.y) : ctx.moveTo(s.x, s.y); });
      ctx.strokeStyle = "#fff"; ctx.setLineDash([4, 3]); ctx.stroke(); ctx.setLineDash([]);
    }
  }
  function orientationLabels() {
    const a = A(), lab = v => { const n = ["L", "P", "H"], p = ["R", "A", "F"]; let i = 0; for (let k = 1; k < 3; k++) if (Math.abs(v[k]) > Math.abs(v[i])) i = k; return v[i] >= 0 ? n[i] : p[i]; };
    const neg = v => v.map(x => -x);
    S.flipX = ["R", "A"].includes(lab(a.rowDirection));
    S.flipY = ["A", "H"].includes(lab(a.columnDirection));
    const right = S.flipX ? neg(a.rowDirection) : a.rowDirection, down = S.flipY ? neg(a.columnDirection) : a.columnDirection;
    $("oRight").textContent = lab(right); $("oLeft").textContent = lab(neg(right));
    $("oBottom").textContent = lab(down); $("oTop").textContent = lab(neg(down));
  }
  async function show() {
    const k = S.slice, e = S.echo;
    if (!plane(k, e)) {
      try { await fetchPlane(k, e); } catch (err) { message("could not read slice " + (k + 1) + ": " + err.message, "error"); return; }
      if (k !== S.slice || e !== S.echo) return;
    }
    draw();
    if (S.overlay) loadMap();
  }

  // ---------- R2* overlay ----------
  async function loadMap() {
    const key = A().id + "/" + S.slice;
    if (S.maps.has(key)) { draw(); return; }
    $("status").textContent = "computing the R2* map (ARLO)…";
    const r = await api(`/api/r2star?acq=${A().id}&slice=${S.slice}`);
    if (!r.ok) { S.overlay = false; $("overlay").checked = false; message((await r.json()).error, "error"); $("status").textContent = ""; return; }
    const m = new Float32Array(await r.arrayBuffer());
    S.maps.set(key, m);
    if (S.maps.size === 1) { const [, p98] = percentiles(m, [0, 0.98]); S.mapRange = [0, Math.max(100, Math.ceil(p98 / 100) * 100)]; }
    $("status").textContent = "";
    draw();
  }

  // ---------- ROI set, undo ----------
  function snapshot() { return JSON.stringify(S.rois); }
  function commit(before) {
    if (before === snapshot()) return;
    S.undo.push(before); S.redo = []; S.dirty = true; saveState(); remeasure();
  }
  function restore(json) { const name = S.selected && S.selected.name; S.rois = JSON.parse(json); S.selected = S.rois.find(r => r.name === name) || null; S.dirty = true; saveState(); remeasure(); draw(); }
  function undo() { if (!S.undo.length) return; S.redo.push(snapshot()); restore(S.undo.pop()); }
  function redo() { if (!S.redo.length) return; S.undo.push(snapshot()); restore(S.redo.pop()); }
  function uniqueName(base) { let i = 1; while (S.rois.some(r => r.name === `${base}-${i}`)) i++; return `${base}-${i}`; }
  function roiSet() {
    return { schema: "ironnotebooks/roi-set", version: 1, description: S.description || "ROIs placed in the IronNotebooks ROI editor",
      referenceImage: `${A().label}, slice ${S.slice + 1}`, rois: S.rois };
  }
  function saveState() { const el = $("saveState"); el.textContent = S.dirty ? "unsaved changes" : "saved"; el.className = S.dirty ? "dirty" : ""; }
  function loadRoiState(state, announce) {
    if (state.error) message(state.error, "error");
    S.baseSha = state.exists ? state.sha256 : null;
    // A file that was refused keeps baseSha null: saving over it then asks first.
    if (state.error) S.baseSha = null;
    S.rois = state.set ? state.set.rois : [];
    S.description = state.set ? state.set.description : "";
    S.selected = null; S.undo = []; S.redo = []; S.dirty = false; saveState();
    if (announce && state.set) message(`loaded ${S.rois.length} ROIs from ${S.exam.roiFile}`);
    // Show the slice the ROIs were drawn on.
    const first = S.rois.find(r => r.space === "patientMm");
    if (first) { S.slice = sliceOf(first); }
    remeasure();
  }

  // ---------- measurement (server) ----------
  let measureTimer = null;
  function remeasure(now) {
    clearTimeout(measureTimer);
    measureTimer = setTimeout(doMeasure, now ? 0 : 80);
  }
  async function doMeasure() {
    const seq = ++S.measureSeq;
    const body = { acq: A().id, slice: S.slice, roiSet: roiSet(), model: $("model").value, calibration: $("calibration").value };
    const r = await api("/api/measure", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const json = await r.json();
    if (seq !== S.measureSeq) return;
    if (!r.ok) { message(json.error, "error"); return; }
    S.measure = json; S.measuresDone++;
    panel(); draw();
  }
  function panel() {
    const m = S.measure, tb = $("roiTable").querySelector("tbody");
    tb.innerHTML = "";
    $("roiCount").textContent = `(${S.rois.length}) on ${A().label}`;
    $("meanHead").textContent = `mean ± SD @${A().echoTimesMs[S.echo].toFixed(1)} ms`;
    for (const roi of S.rois) {
      const r = m && m.rois.find(x => x.name === roi.name), tr = document.createElement("tr");
      tr.dataset.name = roi.name;
      if (roi === S.selected) tr.className = "sel";
      const sw = `<span class="swatch" style="background:${ROLE_COLOURS[roi.role]}"></span>`;
      if (!r || !r.onSlice) {
        tr.classList.add("off");
        const k = sliceOf(roi);
        tr.innerHTML = `<td>${sw}</td><td></td><td></td><td colspan="4">${k === null ? "–" : "on slice " + (k + 1)}</td>`;
      } else if (r.error) {
        tr.innerHTML = `<td>${sw}</td><td></td><td></td><td class="err" colspan="4"></td>`;
        tr.querySelector(".err").textContent = r.error;
      } else {
        const e = r.echoes[Math.min(S.echo, r.echoes.length - 1)];
        const rate = r.fit && (r.fit.status === "converged" || r.fit.status === "closedForm") ? fmt(r.fit.r2StarPerSecond, 1) : "–";
        tr.innerHTML = `<td>${sw}</td><td></td><td></td><td class="mean">${fmt(e.mean, 2)} ± ${fmt(e.sd, 2)}</td><td class="px">${e.pixelCount}</td><td>${fmt(e.areaMm2, 1)}</td><td>${rate}</td>`;
      }
      tr.children[1].textContent = roi.name + (r && r.hints.length ? " ⚠" : "");
      tr.children[2].textContent = ROLE_SHORT[roi.role] || roi.role;
      tr.onclick = () => { S.selected = roi; panel(); draw(); };
      tb.appendChild(tr);
    }
    // Selected ROI, every echo.
    const sel = S.selected, box = $("selected");
    box.hidden = !sel;
    if (sel) {
      $("roiName").value = sel.name; $("roiRole").value = sel.role;
      const r = m && m.rois.find(x => x.name === sel.name), body = $("echoTable").querySelector("tbody");
      body.innerHTML = "";
      if (r) for (const e of r.echoes) {
        const tr = document.createElement("tr");
        tr.innerHTML = [fmt(e.echoTimeMs, 2), fmt(e.mean, 3), fmt(e.sd, 3), fmt(e.median, 3), fmt(e.min, 3), fmt(e.max, 3), e.pixelCount, fmt(e.areaMm2, 2)].map(v => `<td>${v}</td>`).join("");
        body.appendChild(tr);
      }
    }
    // Hints.
    const hints = $("hints"); hints.innerHTML = "";
    if (m) for (const r of m.rois) for (const h of r.hints) { const li = document.createElement("li"); li.textContent = h; hints.appendChild(li); }
    liverPanel();
  }
  function liverPanel() {
    const m = S.measure, div = $("liver"), c = $("decay").getContext("2d");
    c.clearRect(0, 0, 380, 150);
    div.innerHTML = "";
    const add = (cls, text) => { const p = document.createElement("div"); p.className = cls; p.textContent = text; div.appendChild(p); };
    if (m && m.liverToMuscleRatio) add("prov", "liver/muscle ratio per echo: " + m.liverToMuscleRatio.map(v => fmt(v, 3)).join(", "));
    const L = m && m.liver;
    if (!L) { add("prov", "Place a liver ROI on this slice to see its decay, fit and LIC."); return; }
    const te = m.echoTimesMs, y = L.meanSignal, maxY = Math.max(...y) * 1.1, maxT = te[te.length - 1] * 1.05;
    const X = t => 40 + (t / maxT) * 330, Y = v => 132 - (v / maxY) * 122;
    c.strokeStyle = "#555"; c.beginPath(); c.moveTo(40, 8); c.lineTo(40, 132); c.lineTo(372, 132); c.stroke();
    c.fillStyle = "#aaa"; c.font = "10px system-ui"; c.fillText("TE ms", 190, 146); c.fillText(maxY.toFixed(0), 2, 14); c.fillText("0", 30, 134);
    c.fillText(te[te.length - 1].toFixed(1), X(te[te.length - 1]) - 10, 146);
    const f = L.fit;
    if (f && (f.status === "converged" || f.status === "closedForm")) {
      c.strokeStyle = "#38d66b"; c.beginPath();
      for (let i = 0; i <= 100; i++) { const t = maxT * i / 100, v = f.s0 * Math.exp(-f.r2StarPerSecond * t / 1000) + (f.offset || 0); i ? c.lineTo(X(t), Y(v)) : c.moveTo(X(t), Y(v)); }
      c.stroke();
    }
    c.fillStyle = "#fff";
    te.forEach((t, i) => { c.beginPath(); c.arc(X(t), Y(y[i]), 3, 0, 7); c.fill(); });
    add("prov", `pooled liver ROIs ${L.roiNames.join(", ")} (${L.pixelCount} px)`);
    if (f) add("", `${f.model}: R2* ${fmt(f.r2StarPerSecond, 1)} s⁻¹ (T2* ${fmt(f.t2StarMs, 2)} ms), S0 ${fmt(f.s0, 1)}, RMSE ${fmt(f.rmse, 2)}, ${f.status}`);
    const lic = L.lic;
    if (lic) {
      if (lic.lic) add("lic", `LIC ${fmt(lic.lic.umolPerGram, 1)} µmol/g (${fmt(lic.lic.mgPerGram, 2)} mg Fe/g dw)`);
      else add("lic", lic.beyondMeasurableRange ? "No LIC: " + lic.beyondMeasurableRange : "No LIC from " + lic.calibration);
      add("prov", `${lic.calibrationTitle} (${lic.calibration}), ${lic.formula}; validity ${lic.validityRange}; evidence ${lic.status}; measured at ${lic.measuredFieldT} T`);
      for (const w of lic.warnings) add("warn", "⚠ " + w);
    }
    if (f) for (const w of f.warnings) add("warn", "⚠ fit: " + w);
    for (const w of L.warnings) add("warn", "⚠ " + w);
  }

  // ---------- mouse ----------
  function hit(ix, iy) {
    const tol = 6 / S.zoom;
    if (S.selected && onSlice(S.selected))
      for (const hd of handles(S.selected)) if (Math.abs(hd.x - ix) < tol && Math.abs(hd.y - iy) < tol) return { roi: S.selected, handle: hd };
    for (let i = S.rois.length - 1; i >= 0; i--) { const r = S.rois[i]; if (onSlice(r) && inside(outline(r), ix, iy)) return { roi: r }; }
    return null;
  }
  function mousePos(ev) { const b = canvas.getBoundingClientRect(); return { sx: ev.clientX - b.left, sy: ev.clientY - b.top }; }
  canvas.addEventListener("contextmenu", ev => ev.preventDefault());
  canvas.addEventListener("mousedown", ev => {
    if (!A()) return;
    const { sx, sy } = mousePos(ev), p = toImage(sx, sy);
    if (ev.button === 1 || ev.button === 2 || ev.shiftKey) { S.drag = { mode: "pan", sx, sy, panX: S.panX, panY: S.panY }; ev.preventDefault(); return; }
    if (S.tool === "polygon") {
      if (!S.poly) S.poly = [];
      const first = S.poly[0];
      if (first && S.poly.length >= 3 && Math.hypot(first.x - p.x, first.y - p.y) * S.zoom < 8) { closePolygon(); return; }
      S.poly.push(p); draw(); return;
    }
    if (S.tool === "ellipse") { S.drag = { mode: "newEllipse", start: p, before: snapshot(), roi: null }; return; }
    const h = hit(p.x, p.y);
    if (h) {
      S.selected = h.roi; panel();
      S.drag = { mode: h.handle ? "handle" : "move", handle: h.handle, start: p, before: snapshot(), orig: JSON.parse(JSON.stringify(h.roi)) };
    } else {
      S.drag = { mode: "wl", sx, sy, wl: { ...S.wl } };
    }
    draw();
  });
  window.addEventListener("mousemove", ev => {
    if (!A()) return;
    const { sx, sy } = mousePos(ev), p = toImage(sx, sy), d = S.drag;
    const px = Math.round(p.x), py = Math.round(p.y), pl = plane();
    if (pl && px >= 0 && py >= 0 && px < A().columns && py < A().rows) {
      const m = S.overlay && S.maps.get(A().id + "/" + S.slice);
      $("status").textContent = `x ${px} y ${py}  value ${fmt(pl[py * A().columns + px], 1)}` + (m ? `  R2* ${fmt(m[py * A().columns + px], 1)} s⁻¹` : "");
    }
    if (!d) return;
    if (d.mode === "pan") { S.panX = d.panX + sx - d.sx; S.panY = d.panY + sy - d.sy; draw(); return; }
    if (d.mode === "wl") {
      const k = d.wl.w / 300;
      S.wl = { w: Math.max(1e-6, d.wl.w + (sx - d.sx) * k), c: d.wl.c - (sy - d.sy) * k };
      draw(); return;
    }
    const roi = S.selected;
    if (d.mode === "move") {
      const dx = p.x - d.start.x, dy = p.y - d.start.y, o = d.orig;
      const shift = pt => { const q = ptPx(o, pt); return pxPt(o, q.x + dx, q.y + dy); };
      if (o.center) roi.center = shift(o.center);
      if (o.corner0) { roi.corner0 = shift(o.corner0); roi.corner1 = shift(o.corner1); }
      if (o.vertices) roi.vertices = o.vertices.map(shift);
    } else if (d.mode === "handle") {
      const [fx, fy] = frameScale(roi);
      if (d.handle.kind === "v") roi.vertices[d.handle.i] = pxPt(roi, p.x, p.y);
      else {
        const c = ptPx(roi, roi.center), u = (p.x - c.x) * fx, v = (p.y - c.y) * fy, t = (roi.angleDeg || 0) * Math.PI / 180;
        if (d.handle.kind === "r") roi.radius = Math.max(0.5, round2(Math.hypot(u, v)));
        if (d.handle.kind === "rx") roi.radiusX = Math.max(0.5, round2(Math.abs(u * Math.cos(t) + v * Math.sin(t))));
        if (d.handle.kind === "ry") roi.radiusY = Math.max(0.5, round2(Math.abs(-u * Math.sin(t) + v * Math.cos(t))));
      }
    } else if (d.mode === "newEllipse") {
      if (!d.roi) {
        d.roi = { shape: "ellipse", name: uniqueName(lastRole), role: lastRole, space: "patientMm", center: pxPt({ space: "patientMm" }, d.start.x, d.start.y), radiusX: 1, radiusY: 1, angleDeg: 0 };
        S.rois.push(d.roi); S.selected = d.roi;
      }
      const g = sliceGeom();
      d.roi.radiusX = Math.max(0.5, round2(Math.abs(p.x - d.start.x) * g.sx));
      d.roi.radiusY = Math.max(0.5, round2(Math.abs(p.y - d.start.y) * g.sy));
    }
    draw(); throttledMeasure();
  });
  window.addEventListener("mouseup", () => {
    const d = S.drag; S.drag = null;
    if (!d) return;
    if (d.before !== undefined) { commit(d.before); if (d.mode === "newEllipse") panel(); }
  });
  canvas.addEventListener("dblclick", () => { if (S.tool === "polygon" && S.poly && S.poly.length >= 3) closePolygon(); });
  function closePolygon() {
    const before = snapshot(), pts = S.poly; S.poly = null;
    const roi = { shape: "polygon", name: uniqueName(lastRole), role: lastRole, space: "patientMm", vertices: pts.map(p => pxPt({ space: "patientMm" }, p.x, p.y)) };
    S.rois.push(roi); S.selected = roi; commit(before); panel(); draw();
  }
  const round2 = v => Math.round(v * 100) / 100;
  let lastRole = "liver", lastThrottle = 0;
  function throttledMeasure() { const t = performance.now(); if (t - lastThrottle > 120) { lastThrottle = t; remeasure(true); } }
  canvas.addEventListener("wheel", ev => {
    ev.preventDefault();
    if (!A()) return;
    if (ev.ctrlKey || ev.altKey) {
      const { sx, sy } = mousePos(ev), before = toImage(sx, sy);
      S.zoom *= ev.deltaY < 0 ? 1.15 : 1 / 1.15;
      S.panX = sx - (dispX(before.x) + 0.5) * S.zoom; S.panY = sy - (dispY(before.y) + 0.5) * S.zoom;
      draw(); return;
    }
    setSlice(S.slice + (ev.deltaY > 0 ? 1 : -1));
  }, { passive: false });
  function setSlice(k) {
    k = Math.max(0, Math.min(A().slices.length - 1, k));
    if (k === S.slice) return;
    S.slice = k; show(); remeasure();
  }
  function setEcho(e) {
    e = Math.max(0, Math.min(A().echoTimesMs.length - 1, e));
    S.echo = e; $("echo").value = e; show(); fetchVolume(e); panel();
  }
  window.addEventListener("keydown", ev => {
    if (ev.target.tagName === "INPUT" && ev.target.type !== "range") return;
    if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === "z") { ev.preventDefault(); ev.shiftKey ? redo() : undo(); }
    else if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === "y") { ev.preventDefault(); redo(); }
    else if (ev.key === "ArrowUp" || ev.key === "PageUp") { ev.preventDefault(); setSlice(S.slice - 1); }
    else if (ev.key === "ArrowDown" || ev.key === "PageDown") { ev.preventDefault(); setSlice(S.slice + 1); }
    else if (ev.key === "ArrowLeft") setEcho(S.echo - 1);
    else if (ev.key === "ArrowRight") setEcho(S.echo + 1);
    else if (ev.key === "Escape") { S.poly = null; draw(); }
    else if ((ev.key === "Delete" || ev.key === "Backspace") && S.selected) deleteSelected();
  });
  function deleteSelected() { const before = snapshot(); S.rois = S.rois.filter(r => r !== S.selected); S.selected = null; commit(before); panel(); draw(); }

  // ---------- controls ----------
  for (const b of document.querySelectorAll("[data-wl]")) b.onclick = () => { presetWl(b.dataset.wl); draw(); };
  for (const b of document.querySelectorAll("[data-tool]")) b.onclick = () => {
    S.tool = b.dataset.tool; S.poly = null;
    for (const o of document.querySelectorAll("[data-tool]")) o.classList.toggle("active", o === b);
    draw();
  };
  $("zoomFit").onclick = () => { fit(); draw(); };
  $("zoom1").onclick = () => { const w = canvas.clientWidth, h = canvas.clientHeight; S.zoom = 1; S.panX = (w - A().columns) / 2; S.panY = (h - A().rows) / 2; draw(); };
  $("echo").oninput = () => setEcho(+$("echo").value);
  $("overlay").onchange = () => { S.overlay = $("overlay").checked; if (S.overlay) loadMap(); else draw(); };
  $("opacity").oninput = () => { S.opacity = $("opacity").value / 100; draw(); };
  $("undo").onclick = undo; $("redo").onclick = redo;
  $("deleteRoi").onclick = deleteSelected;
  $("model").onchange = () => remeasure(true);
  $("calibration").onchange = () => remeasure(true);
  for (const r of ROLES) { const o = document.createElement("option"); o.value = o.textContent = r; $("roiRole").appendChild(o); }
  $("roiRole").onchange = () => { if (!S.selected) return; const before = snapshot(); S.selected.role = lastRole = $("roiRole").value; commit(before); panel(); draw(); };
  $("roiName").onchange = () => {
    if (!S.selected) return;
    const name = $("roiName").value.trim();
    if (!name || S.rois.some(r => r !== S.selected && r.name === name)) { message(`the name '${name}' is empty or already used`, "error"); $("roiName").value = S.selected.name; return; }
    const before = snapshot(); S.selected.name = name; commit(before); panel(); draw();
  };
  $("acq").onchange = () => selectAcquisition($("acq").value);
  $("template").onclick = async () => {
    const r = await api(`/api/template?acq=${A().id}&slice=${S.slice}`);
    const json = await r.json();
    if (!r.ok) { message(json.error, "error"); return; }
    const before = snapshot();
    for (const roi of json.rois) {
      if (S.rois.some(x => x.name === roi.name)) roi.name = uniqueName(roi.name);
      S.rois.push(roi);
    }
    S.description = "ROIs placed in the IronNotebooks ROI editor from the Rennes template (3 liver + 2 paraspinal muscle discs)";
    commit(before); panel(); draw();
    message("Rennes template added on this slice: drag each disc onto the liver and the paraspinal muscles");
  };
  $("save").onclick = () => save(false);
  async function save(overwrite) {
    const r = await api("/api/save", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ roiSet: roiSet(), baseSha256: S.baseSha, overwrite }) });
    const json = await r.json();
    if (r.status === 409) {
      message(json.message, "error");
      if (window.confirm(json.message + "\n\nReplace it with the ROIs of this page?")) return save(true);
      return;
    }
    if (!r.ok) { message(json.error || json.message, "error"); return; }
    S.baseSha = json.sha256; S.dirty = false; saveState(); clearErrors();
    message(json.message);
  }
  $("reload").onclick = async () => {
    if (S.dirty && !window.confirm("Discard the unsaved changes and read the ROI file again?")) return;
    const r = await api("/api/rois"); const json = await r.json();
    clearErrors(); loadRoiState(json, true); draw();
  };
  window.addEventListener("beforeunload", ev => { if (S.dirty) { ev.preventDefault(); ev.returnValue = ""; } });
  window.addEventListener("resize", () => { fit(); draw(); });

  async function selectAcquisition(id) {
    S.acq = S.exam.acquisitions.find(a => a.id === id);
    S.slice = Math.min(S.slice, S.acq.slices.length - 1); S.echo = 0; S.wl = null;
    $("echo").max = S.acq.echoTimesMs.length - 1; $("echo").value = 0;
    $("overlay").disabled = S.acq.echoTimesMs.length < 3;
    // One line for a run of similar series warnings (e.g. one per echo file), not a wall of them.
    if (S.acq.warnings.length) message(S.acq.warnings[0] + (S.acq.warnings.length > 1 ? ` (and ${S.acq.warnings.length - 1} similar warning(s) for this series)` : ""), "info");
    orientationLabels(); fit();
    await show();
    fetchVolume(0);
    remeasure(true);
  }

  // ---------- start ----------
  async function start() {
    let r;
    try { r = await api("/api/exam"); } catch (e) { message("the editor's server does not answer: " + e.message, "error"); return; }
    if (r.status === 403) { message("403: open the URL printed by `ironnb roi edit` (it carries the access token).", "error"); return; }
    const exam = await r.json();
    S.exam = exam;
    for (const p of exam.problems) message(p, "error");
    for (const m of exam.models) { const o = document.createElement("option"); o.value = o.textContent = m; $("model").appendChild(o); }
    for (const c of exam.calibrations) { const o = document.createElement("option"); o.value = c.name; o.textContent = c.title; $("calibration").appendChild(o); }
    $("calibration").value = exam.defaultCalibration;
    if (!exam.acquisitions.length) { message("Nothing to show: this exam folder has no readable images (see above).", "error"); window.__ironnb.ready = true; return; }
    for (const a of exam.acquisitions) { const o = document.createElement("option"); o.value = a.id; o.textContent = `${a.label} [${a.kind}]`; $("acq").appendChild(o); }
    S.acq = exam.acquisitions[0];
    S.slice = Math.floor(S.acq.slices.length / 2);
    loadRoiState(exam.rois, true);
    await selectAcquisition(S.acq.id);
    window.__ironnb.ready = true;
  }

  // Hooks for the browser test and for measuring speed in the page.
  window.__ironnb = {
    ready: false, state: S,
    toClient(x, y) { const b = canvas.getBoundingClientRect(), s = toScreen(x, y); return { x: b.left + s.x, y: b.top + s.y }; },
    // Draws `frames` successive slices, one per animation frame (as wheel scrolling does once the echo is loaded).
    async benchmarkScroll(frames) {
      await fetchVolume(S.echo);
      const n = A().slices.length, draws = [];
      const t0 = performance.now();
      for (let i = 0; i < frames; i++) {
        await new Promise(res => requestAnimationFrame(res));
        S.slice = (S.slice + 1) % n;
        if (!draw()) throw new Error("slice " + (S.slice + 1) + " was not loaded");
        draws.push(S.lastDrawMs);
      }
      const total = performance.now() - t0;
      return { frames, totalMs: total, framesPerSecond: frames * 1000 / total, meanDrawMs: draws.reduce((a, b) => a + b, 0) / frames, maxDrawMs: Math.max(...draws) };
    },
  };
  start().catch(e => message("the editor failed to start: " + e.message, "error"));
})();
