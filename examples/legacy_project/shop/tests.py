# Tests written for Django 1.6 (django.test.TestCase and self.client), unchanged.
import json

from django.test import TestCase


class SearchTests(TestCase):
    def test_post_wins_over_get(self):
        response = self.client.post("/search/?q=kettle&page=2", {"q": "tea"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "tea: teapot (page 2)")

    def test_ajax_gets_json(self):
        response = self.client.get(
            "/search/", {"q": "t", "tag": ["a", "b"]}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(json.loads(response.content.decode("utf-8"))["tags"], ["a", "b"])


class LinesTests(TestCase):
    def test_counts_lines(self):
        response = self.client.post("/lines/", "one\ntwo\nthree", content_type="text/plain")
        self.assertEqual(response.content, b"3 lines, longest 5")
        self.assertEqual(response["Content-Type"], "text/plain")

    def test_get_not_allowed(self):
        self.assertEqual(self.client.get("/lines/").status_code, 405)


class ExportTests(TestCase):
    def test_csv(self):
        response = self.client.get("/export/")
        self.assertEqual(response["Content-Type"], "text/csv")
        self.assertEqual(response.content, b"id,name\r\n1,teapot\r\n2,kettle\r\n")


class ItemTests(TestCase):
    def test_missing_item(self):
        response = self.client.get("/items/9/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response["Content-Type"], "text/plain")

    def test_note_uses_has_key(self):
        self.assertEqual(self.client.post("/note/", {"text": "hi"}).content, b"noted: hi")
        self.assertEqual(self.client.get("/note/").status_code, 400)


class FilterTests(TestCase):
    def test_python2_querydict_methods(self):
        response = self.client.get("/filters/?b=2&a=1&a=3&sort=1")
        self.assertEqual(response.content, b"first=a; a=3; b=2")


class UploadTests(TestCase):
    def test_post_of_a_multipart_form_can_be_changed(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("list.txt", b"tea\nkettle")
        response = self.client.post("/upload/", {"doc": upload})
        self.assertEqual(response.content, b"list.txt 10 bytes by shop")


class ResponseTests(TestCase):
    def test_generator_report(self):
        # The test client closes the response before reading it, which ends a
        # generator; call the view to read what it produces.
        from django.test.client import RequestFactory

        from shop.views import report

        response = report(RequestFactory().get("/report/"))
        self.assertEqual(response["Content-Type"], "text/csv")
        self.assertEqual(response.content, b"id,name\r\n1,teapot\r\n2,kettle\r\n")

    def test_redirect_location_is_absolute(self):
        response = self.client.get("/go/?to=2")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "http://testserver/items/2/")

    def test_redirect_asserted_with_the_path(self):
        response = self.client.get("/go/?to=2")
        self.assertRedirects(response, "/items/2/")

    def test_render_to_response_with_a_request_context(self):
        response = self.client.get("/page/")
        self.assertEqual(response.content, b"teapot from the shop\n")
        self.assertEqual(response["Content-Type"], "text/plain")
