# Views written for Django 1.6, unchanged: request.REQUEST, request.is_ajax(),
# request.xreadlines(), HttpResponse(mimetype=...), render_to_response() and
# responses built from generators.
import json

from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseNotFound, HttpResponseRedirect
from django.shortcuts import render_to_response
from django.template import RequestContext

ITEMS = {1: "teapot", 2: "kettle"}


def search(request):
    query = request.REQUEST.get("q", "")
    page = request.REQUEST.get("page", "1")
    tags = request.REQUEST.getlist("tag")
    found = sorted(name for name in ITEMS.values() if query in name)
    if request.is_ajax():
        payload = {"query": query, "page": page, "tags": tags, "found": found}
        return HttpResponse(json.dumps(payload, sort_keys=True), mimetype="application/json")
    return HttpResponse("<p>%s: %s (page %s)</p>" % (query, ", ".join(found), page))


def count_lines(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    count = longest = 0
    for line in request.xreadlines():
        count += 1
        longest = max(longest, len(line.rstrip(b"\r\n")))
    return HttpResponse("%d lines, longest %d" % (count, longest), mimetype="text/plain")


def export_csv(request):
    response = HttpResponse(mimetype="text/csv")
    response["Content-Disposition"] = 'attachment; filename="items.csv"'
    response.write("id,name\r\n")
    for item_id in sorted(ITEMS):
        response.write("%d,%s\r\n" % (item_id, ITEMS[item_id]))
    return response


def item(request, item_id):
    name = ITEMS.get(int(item_id))
    if name is None:
        return HttpResponseNotFound("no item %s" % item_id, mimetype="text/plain")
    return HttpResponse(name, "text/plain; charset=utf-8")


def legacy_created(request):
    # Positional (content, content_type, status), as 1.6 code often wrote it.
    return HttpResponse("created", "text/plain", 201)


def note(request):
    if request.REQUEST.has_key("text"):
        return HttpResponse("noted: %s" % request.REQUEST["text"], mimetype="text/plain")
    return HttpResponse("nothing to note", mimetype="text/plain", status=400)


def filters(request):
    # Python 2 era QueryDict: has_key(), iteritems(), keys() returning a list.
    if not request.GET.has_key("sort"):
        return HttpResponse("add ?sort=1", mimetype="text/plain", status=400)
    keys = request.GET.keys()
    keys.sort()
    pairs = ["%s=%s" % (key, value) for key, value in request.GET.iteritems() if key != "sort"]
    pairs.sort()
    return HttpResponse("first=%s; %s" % (keys[0], "; ".join(pairs)), mimetype="text/plain")


def upload(request):
    # Up to 1.10 the POST of a multipart form could be changed in place.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    request.POST["uploaded_by"] = "shop"
    upload = request.FILES["doc"]
    return HttpResponse(
        "%s %d bytes by %s" % (upload.name, upload.size, request.POST["uploaded_by"]), mimetype="text/plain"
    )


def report(request):
    # A generator as content: 1.6 streamed it unless something read .content.
    def rows():
        yield "id,name\r\n"
        for item_id in sorted(ITEMS):
            yield "%d,%s\r\n" % (item_id, ITEMS[item_id])

    return HttpResponse(rows(), mimetype="text/csv")


def go(request):
    # A relative redirect; 1.6 sent it out as an absolute URI.
    return HttpResponseRedirect("/items/%s/" % request.GET.get("to", "1"))


def page(request):
    context = RequestContext(request, {"who": "the shop"})
    return render_to_response("page.html", {"name": ITEMS[1]}, context_instance=context, mimetype="text/plain")


# What "/" lists: each view's address and the old APIs it uses.
LINKS = [
    ("/search/?q=tea", "request.REQUEST, request.is_ajax()"),
    ("/items/1/", "HttpResponse(content, content_type) by position"),
    ("/items/9/", "HttpResponseNotFound(mimetype=...)"),
    ("/legacy-created/", "HttpResponse(content, content_type, status) by position"),
    ("/note/?text=hello", "request.REQUEST.has_key(), HttpResponse(mimetype=...)"),
    ("/filters/?b=2&a=1&a=3&sort=1", "QueryDict.has_key(), iteritems() and keys() as a list"),
    ("/export/", "HttpResponse(mimetype=...) written to with write()"),
    ("/report/", "HttpResponse(generator), streamed unless .content is read"),
    ("/go/?to=2", "a relative redirect sent as an absolute URI"),
    ("/page/", "render_to_response(context_instance=RequestContext(...), mimetype=...)"),
]
FORMS = [
    ("/lines/", "text/plain", '<textarea name="text">one\ntwo\nthree</textarea>', "request.xreadlines()"),
    ("/upload/", "multipart/form-data", '<input type="file" name="doc">',
     "changing request.POST of a multipart form"),
]


def index(request):
    from django.utils.html import escape

    links = "".join('<li><a href="%s">%s</a> &mdash; %s</li>' % (escape(path), escape(path), escape(apis))
                    for path, apis in LINKS)
    forms = "".join('<li><form method="post" action="%s" enctype="%s">%s <button>POST %s</button></form> '
                    '&mdash; %s</li>' % (path, enctype, field, path, escape(apis))
                    for path, enctype, field, apis in FORMS)
    return HttpResponse('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Legacy shop</title></head>'
                        '<body><h1>A Django 1.6 project on modern Django</h1>'
                        '<p>Each view uses old django.http APIs; the console shows their warnings.</p>'
                        '<ul>%s%s</ul></body></html>' % (links, forms))
