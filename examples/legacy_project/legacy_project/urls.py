# The one line changed for modern Django, which removed django.conf.urls.url()
# in 4.0 (outside django.http; see docs/neighbours.rst).  It was:
#     from django.conf.urls import url
from django.urls import re_path as url
from shop import views

urlpatterns = [
    url(r"^$", views.index),
    url(r"^search/$", views.search),
    url(r"^lines/$", views.count_lines),
    url(r"^export/$", views.export_csv),
    url(r"^items/(?P<item_id>\d+)/$", views.item),
    url(r"^legacy-created/$", views.legacy_created),
    url(r"^note/$", views.note),
    url(r"^filters/$", views.filters),
    url(r"^upload/$", views.upload),
    url(r"^report/$", views.report),
    url(r"^go/$", views.go),
    url(r"^page/$", views.page),
]
