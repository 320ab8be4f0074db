"""A custom user model, as projects define them, for the is_authenticated() tests."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models


class Member(AbstractBaseUser):
    email = models.EmailField(unique=True)

    USERNAME_FIELD = "email"
