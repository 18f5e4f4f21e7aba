"""A ReliefWeb report page, and a page of the UN's own kind, as a browser saves them, for the
HTML reader's tests and the ingestion's."""

from __future__ import annotations

CANONICAL = (
    "https://reliefweb.int/report/world/annual-report-special-representative-secretary-general-"
    "violence-against-children-ahrc5819-enarruzh"
)
TITLE = (
    "Annual report of the Special Representative of the Secretary-General on Violence against "
    "Children"
)
FOOTNOTES = {1: "A/61/299.", 2: "See A/74/136, para. 12.", 3: "Available at www.ohchr.org."}

# A ReliefWeb report page as a browser saves it: the site's header and navigation, the article's
# header (title, source, dates), the attachments, the body with the UN masthead, summary,
# headings and numbered paragraphs citing Word-style footnotes, then share links and footers.
RELIEFWEB_PAGE = """\
<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>Annual report of the Special Representative of the Secretary-General on Violence
    against Children (A/HRC/58/19) [EN/AR/RU/ZH] - World | ReliefWeb</title>
  <link rel="canonical" href="CANONICAL_URL">
  <meta property="og:url" content="CANONICAL_URL">
  <style>.rw-article__title { font-size: 2rem; }</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(1); }</script>
</head>
<body class="path-node page-node-type-report">
  <a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
  <header class="cd-header">
    <a href="/" class="cd-site-logo">ReliefWeb</a>
    <p class="cd-site-header__tagline">Informing humanitarians worldwide 24/7 — a service
      provided by UN OCHA</p>
    <nav class="cd-nav" aria-label="Main navigation"><ul>
      <li><a href="/updates">Updates</a></li><li><a href="/countries">Countries</a></li>
    </ul></nav>
  </header>
  <main id="main-content">
    <article class="rw-article rw-article--report rw-document" data-id="4119425">
      <header class="rw-article__header rw-article__header--with-meta">
        <div class="rw-entity-country-slug"><a href="/country/wld">World</a></div>
        <h1 class="rw-article__title rw-page-title">Annual report of the Special Representative
          of the Secretary-General on Violence against Children (A/HRC/58/19)
          [EN/AR/RU/ZH]</h1>
        <dl class="rw-meta rw-article-meta">
          <dt class="rw-entity-meta__tag-label--source">Source</dt>
          <dd class="rw-entity-meta__tag-value--source"><ul>
            <li><a href="/organization/ohchr">OHCHR</a></li></ul></dd>
          <dt class="rw-entity-meta__tag-label--posted">Posted</dt>
          <dd class="rw-entity-meta__tag-value--posted">
            <time datetime="2025-01-20T00:00:00+00:00">20 Jan 2025</time></dd>
          <dt class="rw-entity-meta__tag-label--published">Originally published</dt>
          <dd class="rw-entity-meta__tag-value--published">
            <time datetime="2025-01-13T00:00:00+00:00">13 Jan 2025</time></dd>
        </dl>
      </header>
      <div class="rw-article__content">
        <div class="rw-report__content">
          <section class="rw-file-list">
            <h2 class="visually-hidden">Attachments</h2>
            <ul>
              <li><a href="/attachments/a1/G2500432.pdf"><strong class="rw-file__label">Download
                Report</strong> <span class="rw-file__description">(PDF | 412.5 KB)</span></a></li>
              <li><a href="/attachments/a2/G2500433.pdf"><strong class="rw-file__label">Download
                Report</strong> <span class="rw-file__description">(PDF | 520 KB)</span></a></li>
            </ul>
          </section>
          <div>
            <p>January 13 2025</p>
            <p>Human Rights Council<br>Fifty-eighth session<br>24 February– 4 April 2025<br>
              Agenda item 3</p>
            <p><strong>Promotion and protection of all human rights, civil, political, economic,
              social and cultural rights, including the right to development</strong></p>
            <h3>Summary</h3>
            <p>In the present report, submitted pursuant to General Assembly resolution 78/187,
              the Special Representative reviews the actions she took in 2024.</p>
            <h3>I. Introduction</h3>
            <p>1. The Special Representative is an independent global advocate for the
              prevention of all forms of violence against children.<a href="#_ftn1"
              name="_ftnref1"><sup>[1]</sup></a> The Assembly has welcomed the global study on
              children deprived of liberty<a href="#_ftn2" name="_ftnref2"><sup>[2]</sup></a>
              and encouraged her work.</p>
            <p>2. In the present report, the Special Representative&nbsp;reviews actions she
              took in 2024.</p>
            <p>3. The Special Representative continues to identify global challenges:</p>
            <p>(a) Ongoing crises;</p>
            <p>(b) The increased use of technology by traffickers.</p>
            <h3>II. Activities</h3>
            <h4>A. Global level</h4>
            <p>4. She is grateful for the more than 60 contributions received.<a href="#_ftn3"
              name="_ftnref3"><sup>[3]</sup></a></p>
            <hr>
            <div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> A/61/299.</p></div>
            <div id="ftn2"><p><a href="#_ftnref2" name="_ftn2">[2]</a> See A/74/136,
              para. 12.</p></div>
            <div id="ftn3"><p><a href="#_ftnref3" name="_ftn3">[3]</a> Available at
              www.ohchr.org.</p></div>
          </div>
          <div class="rw-source-disclaimer">Please refer to the attached file.</div>
        </div>
      </div>
      <footer class="rw-article__footer">
        <section class="rw-entity-details"><h2>Report details</h2>
          <dl><dt>Primary country</dt><dd>World</dd><dt>Theme</dt><dd>Protection</dd></dl>
        </section>
        <div class="rw-share"><a href="https://twitter.com/share">Share on X</a>
          <a href="https://www.facebook.com/sharer">Share on Facebook</a></div>
      </footer>
    </article>
  </main>
  <footer class="cd-footer"><p>© 2025 ReliefWeb is a service of UN OCHA.</p></footer>
  <script src="/sites/default/files/js/js_bundle.js"></script>
</body>
</html>
""".replace("CANONICAL_URL", CANONICAL)

# A page of the UN's own kind: `<main>`, lists numbered by the browser, Markdown-style footnotes.
UN_PAGE = """\
<html><head>
  <title>Rights of the child | United Nations</title>
  <meta property="og:url" content="https://www.un.org/en/A/79/123">
  <meta name="date" content="1 July 2024">
</head><body>
  <nav><a href="/">Home</a></nav>
  <main>
    <h1>Rights of the child (A/79/123)</h1>
    <h2>I. Introduction</h2>
    <ol start="1">
      <li>The report covers birth registration.<a href="#fn1" id="fnref1">1</a></li>
      <li>It also covers:
        <ol type="a"><li>Civil records;</li><li>Identity documents.</li></ol>
      </li>
      <li>9. A paragraph that numbers itself.</li>
    </ol>
    <ul><li>A bullet.</li></ul>
    <section class="footnotes"><ol>
      <li id="fn1"><p>General Assembly resolution 78/187. <a href="#fnref1">↩︎</a></p></li>
    </ol></section>
  </main>
  <footer>Terms of use</footer>
</body></html>
"""
