"""Custom user models, as projects define them, for the is_authenticated() tests."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models


class Member(AbstractBaseUser):
    email = models.EmailField(unique=True)

    USERNAME_FIELD = "email"


class MethodMember(AbstractBaseUser):
    """A user model still written the pre-1.10 way: Django's checks must report it."""

    email = models.EmailField(unique=True)

    USERNAME_FIELD = "email"

    def is_authenticated(self):
        return True

    def is_anonymous(self):
        return False
