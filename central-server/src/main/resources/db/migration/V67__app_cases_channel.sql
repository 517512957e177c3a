-- The phone app's cases had the web form's channel, ONLINE. "My cases" now lists only cases whose customer code
-- was vouched for (a counter's, the app's), so app cases get their own channel, APP. Only the app uploads
-- attachments: an ONLINE case with files is the app's. An app case without files filed before this stays ONLINE
-- and leaves the account's list; a stranger's web filing naming the account no longer shows there either.
UPDATE cases SET channel = 'APP'
WHERE channel = 'ONLINE' AND customer_code IS NOT NULL AND EXISTS (SELECT 1 FROM case_attachments a WHERE a.case_id = cases.id);
